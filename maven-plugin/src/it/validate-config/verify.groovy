def log = new File(basedir, 'build.log').text
def summary = 'manifestkit: src' + File.separator + 'manifests' + File.separator + 'service.yaml: 1 object (Service 1), '

// 1: the default folder is missing
assert log.contains('manifestkit: no src' + File.separator + 'main' + File.separator + 'kubernetes folder, nothing to validate')
// 2: the warning fails the build
assert log.contains(summary + '0 errors, 1 warning')
assert log.contains('at or above failOn=warning')
// 3, 4, 5: turned off or re-graded, from the POM and from -D
assert log.count(summary + '0 errors, 0 warnings') == 3
// 6: one line naming the parameter and the id
assert log.contains('manifestkit: disable: no rule has the id \'lint/no-such-rule\'')
return true
