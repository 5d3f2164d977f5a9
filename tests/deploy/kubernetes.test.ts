import { execFile } from 'node:child_process';
import { accessSync, constants, readdirSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import { Deployment, type IDeployment } from 'kubernetes-models/apps/v1';
import { HorizontalPodAutoscaler, type IHorizontalPodAutoscaler } from 'kubernetes-models/autoscaling/v2';
import { NetworkPolicy, type INetworkPolicy } from 'kubernetes-models/networking.k8s.io/v1';
import { PodDisruptionBudget, type IPodDisruptionBudget } from 'kubernetes-models/policy/v1';
import { Service, type IService } from 'kubernetes-models/v1';
import { describe, expect, it } from 'vitest';
import { REPO_ROOT } from '../helpers/cli.js';
import { readData, readDocuments, readText } from './deploy-files.js';

const run = promisify(execFile);
const BASE = 'deploy/kubernetes';

/** The schema-checked model of each kind the base holds (kubernetes-models, with its validator). */
const MODELS: Record<string, (data: never) => { validate(): void }> = {
  'apps/v1/Deployment': (data) => new Deployment(data),
  'v1/Service': (data) => new Service(data),
  'autoscaling/v2/HorizontalPodAutoscaler': (data) => new HorizontalPodAutoscaler(data),
  'policy/v1/PodDisruptionBudget': (data) => new PodDisruptionBudget(data),
  'networking.k8s.io/v1/NetworkPolicy': (data) => new NetworkPolicy(data),
};

interface Manifest {
  apiVersion: string;
  kind: string;
}

function validate(manifest: Manifest): void {
  const model = MODELS[`${manifest.apiVersion}/${manifest.kind}`];
  if (model === undefined) throw new Error(`no schema for ${manifest.apiVersion} ${manifest.kind}`);
  model(manifest as never).validate();
}

const kustomization = readData(`${BASE}/kustomization.yaml`) as {
  resources: string[];
  images?: Array<{ name: string }>;
};
const manifests = kustomization.resources.flatMap((file) => readDocuments(readText(`${BASE}/${file}`))) as Manifest[];
const byKind = <T>(kind: string): T => {
  const found = manifests.filter((manifest) => manifest.kind === kind);
  if (found.length !== 1) throw new Error(`expected one ${kind}, found ${found.length}`);
  return found[0] as T;
};
const deployment = byKind<IDeployment>('Deployment');
const pod = deployment.spec?.template.spec;
const container = pod?.containers[0];
const podLabels = deployment.spec?.template.metadata?.labels ?? {};
const envValue = (name: string) => container?.env?.find((env) => env.name === name)?.value;

function kubectlPath(): string | undefined {
  const candidates = [
    '/usr/bin/kubectl',
    ...(process.env['PATH'] ?? '').split(delimiter).map((dir) => join(dir, 'kubectl')),
  ];
  return candidates.find((path) => {
    try {
      accessSync(path, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

describe('deploy/kubernetes: a kustomize base', () => {
  it('lists every manifest in the folder, and each is valid against the Kubernetes schemas', () => {
    const files = readdirSync(join(REPO_ROOT, BASE)).filter((file) => file !== 'kustomization.yaml');
    expect([...kustomization.resources].sort()).toEqual(files.sort());
    expect(manifests.map((manifest) => manifest.kind).sort()).toEqual([
      'Deployment',
      'HorizontalPodAutoscaler',
      'NetworkPolicy',
      'PodDisruptionBudget',
      'Service',
    ]);
    for (const manifest of manifests) expect(() => validate(manifest), manifest.kind).not.toThrow();
    expect(kustomization.images?.[0]?.name).toBe(container?.image?.split(':')[0]);
  });

  it('the validator refuses what the API server would (so the check above can fail)', () => {
    const broken = structuredClone(deployment) as unknown as {
      spec: { template: { spec: { containers: Array<{ ports: Array<{ containerPort: unknown }> }> } } };
    };
    const port = broken.spec.template.spec.containers[0]?.ports[0];
    if (port !== undefined) port.containerPort = 'eighty';
    expect(() => validate(broken as unknown as Manifest)).toThrow(/containerPort/);
  });

  it('probes /ping for readiness and liveness, with resource requests and limits', () => {
    for (const probe of [container?.readinessProbe, container?.livenessProbe])
      expect(probe?.httpGet).toMatchObject({ path: '/ping', port: 'http' });
    expect(container?.ports?.find((port) => port.name === 'http')?.containerPort).toBe(Number(envValue('PORT')));
    expect(envValue('HOST')).toBe('0.0.0.0');
    expect(Object.keys(container?.resources?.requests ?? {}).sort()).toEqual(['cpu', 'memory']);
    expect(Object.keys(container?.resources?.limits ?? {}).sort()).toEqual(['cpu', 'memory']);
  });

  it('runs non-root, read-only, without privilege escalation or capabilities, under seccomp RuntimeDefault', () => {
    expect(pod?.securityContext).toMatchObject({ runAsNonRoot: true, seccompProfile: { type: 'RuntimeDefault' } });
    expect(pod?.securityContext?.runAsUser).toBeGreaterThan(0);
    expect(container?.securityContext).toMatchObject({
      runAsNonRoot: true,
      readOnlyRootFilesystem: true,
      allowPrivilegeEscalation: false,
      capabilities: { drop: ['ALL'] },
      seccompProfile: { type: 'RuntimeDefault' },
    });
    expect(container?.securityContext?.capabilities?.add ?? []).toEqual([]);
    expect(pod?.automountServiceAccountToken).toBe(false);
  });

  it('takes the credentials from a Secret, never from a literal value', () => {
    for (const name of ['APP_ID', 'APP_CERTIFICATE']) {
      const env = container?.env?.find((entry) => entry.name === name);
      expect(env?.value, name).toBeUndefined();
      expect(env?.valueFrom?.secretKeyRef, name).toEqual({ name: 'agora-token-desk', key: name });
    }
    expect(container?.envFrom).toEqual([{ secretRef: { name: 'agora-token-desk-settings', optional: true } }]);
  });

  it('drains within the grace period: preStop pause + SHUTDOWN_TIMEOUT + margin <= terminationGracePeriodSeconds', () => {
    const command = container?.lifecycle?.preStop?.exec?.command ?? [];
    expect(command[0]).toBe('sleep');
    const pause = Number(command[1]);
    const shutdown = Number(envValue('SHUTDOWN_TIMEOUT'));
    const grace = pod?.terminationGracePeriodSeconds ?? 30;
    expect(pause).toBeGreaterThan(0);
    expect(shutdown).toBeGreaterThan(0);
    // At least a few seconds for the process to exit after its deadline, before SIGKILL.
    expect(grace - pause - shutdown).toBeGreaterThanOrEqual(3);
    // A rolling update starts the new pod before an old one begins its drain.
    expect(deployment.spec?.strategy?.rollingUpdate?.maxUnavailable).toBe(0);
  });

  it('Service, HPA on CPU, PodDisruptionBudget and NetworkPolicy all select the Deployment’s pods', () => {
    const service = byKind<IService>('Service');
    expect(service.spec?.selector).toEqual(deployment.spec?.selector.matchLabels);
    expect(service.spec?.ports?.[0]?.targetPort).toBe('http');
    const hpa = byKind<IHorizontalPodAutoscaler>('HorizontalPodAutoscaler');
    expect(hpa.spec?.scaleTargetRef).toEqual({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      name: deployment.metadata?.name,
    });
    expect(hpa.spec?.metrics?.[0]?.resource?.name).toBe('cpu');
    expect(hpa.spec?.minReplicas).toBeGreaterThanOrEqual(2);
    const pdb = byKind<IPodDisruptionBudget>('PodDisruptionBudget');
    expect(pdb.spec?.selector?.matchLabels).toEqual(deployment.spec?.selector.matchLabels);
    expect(pdb.spec?.minAvailable).toBeLessThan(hpa.spec?.minReplicas ?? 0);
    const policy = byKind<INetworkPolicy>('NetworkPolicy');
    for (const [key, value] of Object.entries(policy.spec?.podSelector.matchLabels ?? {}))
      expect(podLabels[key]).toBe(value);
    expect(policy.spec?.policyTypes).toEqual(['Ingress', 'Egress']);
    expect(policy.spec?.ingress?.flatMap((rule) => rule.ports ?? []).map((port) => port.port)).toEqual(['http']);
  });

  const kubectl = kubectlPath();
  const renders = kubectl === undefined ? it.skip : it;
  renders(
    kubectl === undefined
      ? 'kubectl kustomize renders the base (SKIPPED: kubectl is not installed on this machine)'
      : 'kubectl kustomize renders the base into the same five valid objects',
    async () => {
      const { stdout } = await run(kubectl ?? 'kubectl', ['kustomize', BASE], { cwd: REPO_ROOT });
      const rendered = readDocuments(stdout) as Manifest[];
      expect(rendered.map((manifest) => manifest.kind).sort()).toEqual(
        manifests.map((manifest) => manifest.kind).sort(),
      );
      for (const manifest of rendered) expect(() => validate(manifest), manifest.kind).not.toThrow();
      const renderedDeployment = rendered.find((manifest) => manifest.kind === 'Deployment') as IDeployment;
      expect(renderedDeployment.spec?.template.spec?.containers[0]?.image).toMatch(/^ghcr\.io\/[^:]+:[\w.-]+$/);
    },
  );
});
