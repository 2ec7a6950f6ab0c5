import { describe, expect, it } from 'vitest';
import { BURST_MS, TextHistory } from './text-history.ts';

describe('TextHistory', () => {
	it('undoes a burst of typing as one step, then the one before', () => {
		const history = new TextHistory('');
		history.typed('W', 'insert', 0);
		history.typed('Wo', 'insert', 100);
		history.typed('Wom', 'insert', 200);
		history.typed('Wom en', 'insert', 200 + BURST_MS + 1);
		expect(history.undo()).toBe('Wom');
		expect(history.undo()).toBe('');
		expect(history.undo()).toBe(null);
		expect(history.redo()).toBe('Wom');
		expect(history.redo()).toBe('Wom en');
		expect(history.redo()).toBe(null);
	});

	it('starts a step when typing turns to deleting', () => {
		const history = new TextHistory('abc');
		history.typed('abcd', 'insert', 0);
		history.typed('abc', 'delete', 10);
		expect(history.undo()).toBe('abcd');
		expect(history.undo()).toBe('abc');
	});

	it('forgets what could be redone once the user types again', () => {
		const history = new TextHistory('');
		history.typed('a', 'insert', 0);
		history.undo();
		history.typed('b', 'insert', 5000);
		expect(history.redo()).toBe(null);
		expect(history.value).toBe('b');
	});
});
