import { spawnSync } from 'node:child_process';
import { ensureCommand } from '@concord/local-servers';

export const KUBECTL_INSTALL_HELP = [
  'kubectl was not found on PATH. The manifests are rendered with `kubectl kustomize`. Either:',
  '  - Debian/Ubuntu: sudo apt-get install kubernetes-client',
  '  - macOS: brew install kubectl',
  '  - see https://kubernetes.io/docs/tasks/tools/ and put kubectl on PATH',
  '  - or set CONCORD_KUBECTL to a kubectl binary.',
].join('\n');

/**
 * Finds kubectl (CONCORD_KUBECTL, else PATH). On a Debian machine where it is
 * missing and we are root, installs Debian's kubernetes-client (and says so);
 * elsewhere stops with a message that says how to get one. Bookworm's
 * package is kubectl 1.20, whose kustomize is v2.0.3: the kustomization
 * files are written for it too.
 */
export function ensureKubectl(log: (line: string) => void = console.log): string {
  const given = process.env.CONCORD_KUBECTL;
  if (given) return given;
  return ensureCommand({ binary: 'kubectl', debianPackage: 'kubernetes-client', help: KUBECTL_INSTALL_HELP }, log);
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
