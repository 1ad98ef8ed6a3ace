import { parseMarkdownRunbook } from './parseMarkdownRunbook';

const KUBE_API_DOWN = `---
title: Kubernetes API server down
severity: P1
---
# KubeAPIDown

## Meaning

The API server has disappeared from Prometheus target discovery.

## Impact

The cluster cannot be managed: **no deployments**, no scaling.

## Diagnosis

Check the API server pods:

\`\`\`shell
kubectl -n kube-system get pods -l component=kube-apiserver
\`\`\`

Then read their logs.

## Mitigation

\`\`\`shell
systemctl restart kubelet
\`\`\`
`;

describe('parseMarkdownRunbook', () => {
  it('maps Meaning / Impact / Diagnosis / Mitigation onto the runbook model', () => {
    const { runbooks, problems } = parseMarkdownRunbook(KUBE_API_DOWN, {
      file: 'content/runbooks/kubernetes/KubeAPIDown.md',
      defaultEntityRef: 'component:default/insights-api',
    });
    expect(problems).toEqual([]);
    expect(runbooks).toHaveLength(1);
    const { document, line } = runbooks[0];
    expect(line).toBe(5);
    expect(document.metadata).toEqual({
      name: 'kube-api-down',
      namespace: 'default',
      title: 'Kubernetes API server down',
    });
    expect(document.spec).toEqual({
      entityRefs: ['component:default/insights-api'],
      severity: 'P1',
      summary:
        'The API server has disappeared from Prometheus target discovery.',
      impact: 'The cluster cannot be managed: **no deployments**, no scaling.',
      triggers: [{ alertName: 'KubeAPIDown' }],
      diagnosis: [
        { manual: 'Check the API server pods:' },
        { run: 'kubectl -n kube-system get pods -l component=kube-apiserver' },
        { manual: 'Then read their logs.' },
      ],
      immediateActions: [{ run: 'systemctl restart kubelet' }],
    });
  });

  it('takes the alert from the first heading when the file name is not one', () => {
    const { runbooks } = parseMarkdownRunbook(
      '# DiskFull\n\n## Meaning\nFull.\n',
      {
        file: 'disk full.md',
      },
    );
    expect(runbooks[0].document.spec.triggers).toEqual([
      { alertName: 'DiskFull' },
    ]);
    expect(runbooks[0].document.metadata.name).toBe('disk-full');
  });

  it('reports broken front matter and binary files', () => {
    expect(
      parseMarkdownRunbook('---\ntitle: [oops\n---\n# A\n', { file: 'A.md' })
        .problems[0],
    ).toMatchObject({ severity: 'error', line: 2 });
    expect(
      parseMarkdownRunbook('\u0000\u0001', { file: 'B.md' }).problems[0]
        .message,
    ).toMatch(/binary/);
  });

  it('keeps a ## line inside a fenced code block as part of the command, not a new section', () => {
    const md = [
      '# DiskFull',
      '',
      '## Mitigation',
      '',
      'Free space:',
      '',
      '```sh',
      '## list the largest files first',
      'du -sh /var/lib/postgresql/* | sort -h',
      '```',
      '',
      '~~~',
      '## Impact',
      '~~~',
      '',
      'Then watch the disk.',
    ].join('\n');
    const { runbooks, problems } = parseMarkdownRunbook(md, {
      file: 'DiskFull.md',
    });
    expect(problems).toEqual([]);
    expect(runbooks[0].document.spec.impact).toBeUndefined();
    expect(runbooks[0].document.spec.immediateActions).toEqual([
      { manual: 'Free space:' },
      {
        run: '## list the largest files first\ndu -sh /var/lib/postgresql/* | sort -h',
      },
      { run: '## Impact' },
      { manual: 'Then watch the disk.' },
    ]);
  });
});
