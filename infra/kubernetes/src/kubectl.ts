import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const KUBECTL_INSTALL_HELP = [
  'kubectl was not found on PATH. The manifests are rendered with `kubectl kustomize`. Either:',
  '  - Debian/Ubuntu: sudo apt-get install kubernetes-client',
  '  - macOS: brew install kubectl',
  '  - see https://kubernetes.io/docs/tasks/tools/ and put kubectl on PATH',
  '  - or set CONCORD_KUBECTL to a kubectl binary.',
].join('\n');

function onPath(binary: string): string | null {
  const found = spawnSync('sh', ['-c', `command -v ${binary}`], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() : null;
}

/**
 * Finds kubectl (CONCORD_KUBECTL, else PATH). On a Debian machine where it is
 * missing and we are root, installs Debian's kubernetes-client (and says so),
 * as packages/messaging does for nats-server; elsewhere stops with a message
 * that says how to get one. Bookworm's package is kubectl 1.20, whose
 * kustomize is v2.0.3: the kustomization files are written for it too.
 */
export function ensureKubectl(log: (line: string) => void = console.log): string {
  const given = process.env.CONCORD_KUBECTL;
  if (given) return given;
  const found = onPath('kubectl');
  if (found) return found;
  const debian = existsSync('/etc/debian_version') && onPath('apt-get') !== null;
  if (debian && process.getuid?.() === 0) {
    log('kubectl is missing: installing the Debian package kubernetes-client with apt-get (root, Debian)...');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    // Wait for another apt/dpkg run rather than fail on its lock.
    const install = ['-o', 'DPkg::Lock::Timeout=300', 'install', '-y', '-q', 'kubernetes-client'];
    let result = spawnSync('apt-get', install, { stdio: 'inherit', env });
    if (result.status !== 0) {
      spawnSync('apt-get', ['-o', 'DPkg::Lock::Timeout=300', 'update', '-q'], { stdio: 'inherit', env });
      result = spawnSync('apt-get', install, { stdio: 'inherit', env });
    }
    const installed = onPath('kubectl');
    if (result.status === 0 && installed) {
      log(`Installed kubectl at ${installed}.`);
      return installed;
    }
  }
  throw new Error(KUBECTL_INSTALL_HELP);
}

/** `kubectl kustomize <dir>`: the manifests an operator would apply, as one YAML stream. */
export function kustomize(dir: string, log?: (line: string) => void): string {
  const kubectl = ensureKubectl(log);
  const result = spawnSync(kubectl, ['kustomize', dir], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) {
    throw new Error(`${kubectl} kustomize ${dir} failed (exit ${result.status ?? result.signal}):\n${result.stderr}`);
  }
  return result.stdout;
}
