def log = new File(basedir, 'build.log').text
def out = new File(basedir, 'target/manifests')

// one summary line per source, with counts per kind and the problems
assert log.contains('manifestkit: Shop.Dev: 2 objects (Service 1, Deployment 1), 0 errors')
assert log.contains('manifestkit: Shop.Prod: 2 objects (Service 1, Deployment 1), 0 errors')
assert log.contains('written to target' + File.separator + 'manifests' + File.separator + 'shop' + File.separator + 'prod')

// one file per object in a folder per variant, and a kustomization listing them in install order
['dev', 'prod'].each { variant ->
    def dir = new File(out, "shop/${variant}")
    def names = dir.list().toList().sort()
    assert names == ['deployment-shop.yaml', 'kustomization.yaml', 'service-shop.yaml'] : names
    assert new File(dir, 'kustomization.yaml').text == '''apiVersion: kustomize.config.k8s.io/v1beta1
kind: Kustomization
resources:
- service-shop.yaml
- deployment-shop.yaml
'''
}
def prod = new File(out, 'shop/prod/deployment-shop.yaml').text
assert prod.startsWith('apiVersion: apps/v1\nkind: Deployment\n')
assert prod.contains('replicas: 3')
assert !prod.contains('null')
assert new File(out, 'shop/dev/deployment-shop.yaml').text.contains('replicas: 1')
return true
