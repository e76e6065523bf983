import { Select, Space } from 'antd';
import { useMemo, useState } from 'react';
import { diffLines } from '../../diff';
import { pretty, RuleSet } from './types';

const name = (s: RuleSet) => `${s.name} v${s.version}`;
const cell = (bg?: string) => ({ background: bg, whiteSpace: 'pre' as const, overflow: 'hidden', width: '50%', padding: '0 6px' });

/** Two versions side by side, the changed lines marked. */
export function SlaDiff({ sets, initial }: { sets: RuleSet[]; initial: [string?, string?] }) {
  const [left, setLeft] = useState(initial[0]);
  const [right, setRight] = useState(initial[1]);
  const a = sets.find((s) => s.id === left);
  const b = sets.find((s) => s.id === right);
  const rows = useMemo(() => (a && b ? diffLines(pretty(a.rules).split('\n'), pretty(b.rules).split('\n')) : []), [a, b]);
  const options = sets.map((s) => ({ value: s.id, label: name(s) }));
  const changed = rows.filter((r) => r.kind !== 'same').length;
  return (
    <div data-testid="sla-diff">
      <Space style={{ marginBottom: 8 }} wrap>
        <Select aria-label="左侧版本" style={{ width: 260 }} value={left} onChange={setLeft} options={options} />
        <span>对比</span>
        <Select aria-label="右侧版本" style={{ width: 260 }} value={right} onChange={setRight} options={options} />
        {a && b && <span data-testid="diff-count">{changed === 0 ? '两个版本规则相同' : `${changed} 行不同`}</span>}
      </Space>
      <div style={{ maxHeight: 320, overflow: 'auto', border: '1px solid #f0f0f0', fontFamily: 'monospace', fontSize: 12 }}>
        <table style={{ width: '100%', borderCollapse: 'collapse', tableLayout: 'fixed' }}>
          <tbody>
            {rows.map((r, i) => (
              <tr key={i}>
                <td style={cell(r.kind === 'removed' ? '#fff1f0' : undefined)} data-kind={r.kind === 'removed' ? 'removed' : undefined}>{r.left ?? ''}</td>
                <td style={cell(r.kind === 'added' ? '#f6ffed' : undefined)} data-kind={r.kind === 'added' ? 'added' : undefined}>{r.right ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
