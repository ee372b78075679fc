def log = new File(basedir, 'build.log').text

// first run: one summary line per file, paths relative to the project
assert log.contains('manifestkit: src' + File.separator + 'main' + File.separator + 'kubernetes' + File.separator + 'app.yaml: 2 objects (Service 1, Deployment 1), 0 errors')
assert log.contains('manifestkit: src' + File.separator + 'main' + File.separator + 'kubernetes' + File.separator + 'config.yml: 1 object (ConfigMap 1), 0 errors')
// second run: the broken file fails the build with file, line, object, path and rule
def line = log.readLines().find { it.contains('Deployment/web: spec.template.spec.containers[0].ports[0].containerPort') }
assert line != null : 'no line names the bad containerPort'
assert line.contains('deployment.yaml:19')
assert line =~ /\[[a-z0-9\/-]+\]\s*$/
assert log.contains('BUILD FAILURE')
return true
