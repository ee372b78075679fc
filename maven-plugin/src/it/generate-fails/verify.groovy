def log = new File(basedir, 'build.log').text

// the summary line says the source was not written
assert log.contains('manifestkit: Broken: 1 object (Deployment 1), ')
assert log.contains('not written')
// every problem is listed with object, field path and rule id
def port = log.readLines().find { it.contains('Deployment/shop/web: spec.template.spec.containers[0].ports[0].containerPort') }
assert port != null : 'no line names the bad containerPort'
assert port.contains('70000')
assert port =~ /\[[a-z0-9\/-]+\]\s*$/ : "no rule id at the end of: ${port}"
def name = log.readLines().find { it.contains('Deployment/shop/web: spec.template.spec.containers[1].name') }
assert name != null : 'no line names the container without a name'
assert name.contains('Required value')
assert name =~ /\[[a-z0-9\/-]+\]\s*$/
assert log.contains('BUILD FAILURE')
// nothing was written
assert !new File(basedir, 'target/manifests').exists()
return true
