def log = new File(basedir, 'build.log').text
def out = new File(basedir, 'target/manifests')

// one summary line per source, with counts per kind and the problems
assert log.contains('manifestkit: Shop.Dev: 2 objects (Service 1, Deployment 1), 0 errors')
assert log.contains('manifestkit: Shop.Prod: 2 objects (Service 1, Deployment 1), 0 errors')
assert log.contains('written to target' + File.separator + 'manifests' + File.separator + 'shop' + File.separator + 'prod')

// one file per object, numbered in install order, in a folder per variant
['dev', 'prod'].each { variant ->
    def dir = new File(out, "shop/${variant}")
    def names = dir.list().sort()
    assert names == ['01-service-shop.yaml', '02-deployment-shop.yaml', 'kustomization.yaml'] : names
    def kustomization = new File(dir, 'kustomization.yaml').text
    assert kustomization.contains('kind: Kustomization')
    assert kustomization.indexOf('01-service-shop.yaml') < kustomization.indexOf('02-deployment-shop.yaml')
}
def prod = new File(out, 'shop/prod/02-deployment-shop.yaml').text
assert prod.startsWith('apiVersion: apps/v1\nkind: Deployment\n')
assert prod.contains('replicas: 3')
assert !prod.contains('null')
assert new File(out, 'shop/dev/02-deployment-shop.yaml').text.contains('replicas: 1')
return true
