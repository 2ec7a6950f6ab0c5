// Long work on the main thread held every key and click until it ended (a page about a draft opened
// in one task of a second on an old laptop). Work that can wait is split into tasks of its own: the
// browser paints and answers the user between them.

type Scheduler = { yield?: () => Promise<void> };

/** Resolves in a task of its own, after what waits (input, a paint) has run. */
export function nextTask(): Promise<void> {
	const scheduler = (globalThis as { scheduler?: Scheduler }).scheduler;
	if (typeof scheduler?.yield === 'function') return scheduler.yield();
	return new Promise((resolve) => setTimeout(resolve, 0));
}

/** Resolves once the browser has painted the page as it is now (or after a second, in a hidden tab). */
export function afterPaint(): Promise<void> {
	return new Promise((resolve) => {
		const timer = setTimeout(resolve, 1000);
		requestAnimationFrame(() =>
			setTimeout(() => {
				clearTimeout(timer);
				resolve();
			}, 0)
		);
	});
}

type Turn = () => void | Promise<void>;
const waiting: Turn[] = [];
let running = false;
let idle: (() => void)[] = [];

/**
 * Calls `show` in a task of its own, after those that asked before it (each in its own task, in the
 * order they asked: parts of a page ask as they are created, in reading order, so that nothing placed
 * before another comes after it). `next`: before every other, for the rest of what a turn began (a
 * list's next batch), which comes before whatever asked after that began. A turn that returns a
 * promise ends when it settles. Returns how to withdraw the call if it has not run yet.
 */
export function inTurn(show: Turn, next = false): () => void {
	if (next) waiting.unshift(show);
	else waiting.push(show);
	if (!running) void run();
	return () => {
		const i = waiting.indexOf(show);
		if (i >= 0) waiting.splice(i, 1);
	};
}

/** Resolves once every turn asked for has run (at once when none waits). */
export function settled(): Promise<void> {
	if (!running && waiting.length === 0) return Promise.resolve();
	return new Promise((resolve) => idle.push(resolve));
}

async function run(): Promise<void> {
	running = true;
	try {
		while (waiting.length) {
			await nextTask();
			try {
				await waiting.shift()?.();
			} catch (error) {
				// One part that fails to show must not hold back the others; the error is still reported.
				setTimeout(() => {
					throw error;
				});
			}
		}
	} finally {
		running = false;
		const done = idle;
		idle = [];
		done.forEach((resolve) => resolve());
	}
}
