import { act } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderInApp } from '../test-support/render-in-app';
import { useNoticedAction } from './use-noticed-action';

let unmount: (() => void) | undefined;
afterEach(() => unmount?.());

function Probe({ work, after }: { work: () => Promise<unknown>; after: () => void }) {
  const { notice, act: run } = useNoticedAction(after);
  return (
    <div>
      <button onClick={() => void run(work, 'Saved.')}>Go</button>
      <p data-tone={notice?.tone}>{notice?.text}</p>
    </div>
  );
}

async function click(container: HTMLElement): Promise<HTMLElement> {
  await act(async () => container.querySelector('button')!.click());
  return container.querySelector('p')!;
}

describe('useNoticedAction', () => {
  it('says the success text and runs the follow-up after a call that worked', async () => {
    const after = vi.fn();
    const view = await renderInApp(<Probe work={async () => undefined} after={after} />);
    unmount = view.unmount;
    const notice = await click(view.container);
    expect(notice.textContent).toBe('Saved.');
    expect(notice.dataset.tone).toBe('success');
    expect(after).toHaveBeenCalledOnce();
  });

  it("shows the server's message and skips the follow-up when the call fails", async () => {
    const after = vi.fn();
    const view = await renderInApp(<Probe work={() => Promise.reject(new Error('email already taken'))} after={after} />);
    unmount = view.unmount;
    const notice = await click(view.container);
    expect(notice.textContent).toBe('email already taken');
    expect(notice.dataset.tone).toBe('error');
    expect(after).not.toHaveBeenCalled();
  });
});
