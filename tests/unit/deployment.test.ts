// Which deployment a run serves: DEPLOYMENT names a folder of content/, Boston by default.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import {
  DEFAULT_DEPLOYMENT,
  DeploymentError,
  deploymentDir,
  deploymentName,
  listDeployments,
} from '../../src/deployment.ts';
import { loadSite } from '../../src/load-site.ts';
import { ROOT } from './deployments.ts';

// A project of its own, so the tests do not depend on which deployments the repository has.
const project = mkdtempSync(join(tmpdir(), 'rf-deployments-'));
for (const name of ['boston', 'durham']) {
  mkdirSync(join(project, 'content', name), { recursive: true });
  writeFileSync(join(project, 'content', name, 'site.yaml'), 'name: test\n');
}
// Sources gathered for a place that has no site.yaml yet: not a deployment.
mkdirSync(join(project, 'content', 'york', 'sources'), { recursive: true });
writeFileSync(join(project, 'content', 'README.txt'), 'not a deployment');
mkdirSync(join(project, 'content', '.hidden'));
mkdirSync(join(project, 'fixture'));
afterAll(() => rmSync(project, { recursive: true, force: true }));

const thrown = (run: () => unknown): DeploymentError => {
  try {
    run();
  } catch (error) {
    if (error instanceof DeploymentError) return error;
    throw error;
  }
  throw new Error('expected a DeploymentError');
};

describe('deploymentDir', () => {
  it('serves Boston when DEPLOYMENT is unset or empty', () => {
    expect(DEFAULT_DEPLOYMENT).toBe('boston');
    expect(deploymentName({})).toBe('boston');
    expect(deploymentName({ DEPLOYMENT: ' ' })).toBe('boston');
    expect(deploymentDir({ env: {}, root: project })).toBe(join(project, 'content', 'boston'));
  });

  it('names the folder relative to a relative root, as Astro and editors name it', () => {
    expect(deploymentDir({ env: {}, root: '.' })).toBe(join('content', 'boston'));
  });

  it('serves the deployment DEPLOYMENT names', () => {
    expect(deploymentDir({ env: { DEPLOYMENT: 'durham' }, root: project })).toBe(
      join(project, 'content', 'durham'),
    );
  });

  it('refuses a name that is not a folder, listing the deployments that exist', () => {
    const error = thrown(() => deploymentDir({ env: { DEPLOYMENT: 'leeds' }, root: project }));
    expect(error.message).toBe(
      'DEPLOYMENT="leeds" is not a deployment: content/ has no folder "leeds". ' +
        'Deployments: boston, durham. Set DEPLOYMENT to one of them, or add the folder "leeds" ' +
        'to content/ (README: "Add a deployment").',
    );
  });

  it('refuses a path, so DEPLOYMENT cannot reach outside content/', () => {
    const gathering = thrown(() => deploymentDir({ env: { DEPLOYMENT: 'york' }, root: project }));
    expect(gathering.message).toMatch(
      /content\/york has no site\.yaml yet\. Deployments: boston, durham\./,
    );
    for (const name of ['../fixture', 'boston/../durham', '/tmp', '.hidden']) {
      expect(() => deploymentDir({ env: { DEPLOYMENT: name }, root: project })).toThrow(
        /Deployments: boston, durham\./,
      );
    }
  });

  it('takes DEPLOYMENT_DIR over DEPLOYMENT, for a fixture deployment', () => {
    const env = { DEPLOYMENT: 'durham', DEPLOYMENT_DIR: 'fixture' };
    expect(deploymentDir({ env, root: project })).toBe(join(project, 'fixture'));
    const absolute = { DEPLOYMENT_DIR: join(project, 'fixture') };
    expect(deploymentDir({ env: absolute, root: '/elsewhere' })).toBe(join(project, 'fixture'));
    expect(() => deploymentDir({ env: { DEPLOYMENT_DIR: 'nowhere' }, root: project })).toThrow(
      'DEPLOYMENT_DIR="nowhere" is not a folder',
    );
  });
});

describe('listDeployments', () => {
  it('lists the folders of content/, without files or hidden folders', () => {
    expect(listDeployments(project)).toEqual(['boston', 'durham']);
    expect(listDeployments(join(project, 'fixture'))).toEqual([]);
  });

  it('finds Boston in this repository', () => {
    expect(listDeployments(ROOT)).toContain('boston');
  });
});

describe('the process environment', () => {
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  it('is read at each call, so the site file follows DEPLOYMENT', () => {
    vi.stubEnv('DEPLOYMENT_DIR', undefined);
    vi.stubEnv('DEPLOYMENT', 'boston');
    expect(loadSite().city).toBe('Boston');
    vi.stubEnv('DEPLOYMENT', 'no-such-place');
    expect(() => loadSite()).toThrow(/DEPLOYMENT="no-such-place" is not a deployment/);
  });
});
