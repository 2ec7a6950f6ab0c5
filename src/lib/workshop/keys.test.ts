import { describe, expect, it } from 'vitest';
import { commandFor, focusKindOf, type KeyPress } from './keys.ts';

const press = (key: string, extra: Partial<KeyPress> = {}): KeyPress => ({
	key,
	ctrlKey: false,
	altKey: false,
	metaKey: false,
	shiftKey: false,
	...extra
});

describe('commandFor', () => {
	it('maps the presentation keys', () => {
		const keys = [
			'ArrowRight',
			'PageDown',
			' ',
			'ArrowLeft',
			'PageUp',
			'Home',
			'End',
			'Escape',
			'p',
			'P',
			'g',
			'f'
		];
		expect(keys.map((key) => commandFor(press(key), 'other'))).toEqual([
			'next',
			'next',
			'next',
			'previous',
			'previous',
			'first',
			'last',
			'exit',
			'capture',
			'capture',
			'guidance',
			'fullscreen'
		]);
		expect(commandFor(press(' ', { shiftKey: true }), 'other')).toBe('previous');
		expect(commandFor(press('x'), 'other')).toBeNull();
		expect(commandFor(press('ArrowDown'), 'other')).toBeNull(); // left to scrolling
	});

	it('does nothing while the user types, nor on browser shortcuts', () => {
		for (const key of ['ArrowRight', ' ', 'p', 'Escape', 'Home'])
			expect(commandFor(press(key), 'typing')).toBeNull();
		expect(commandFor(press('p', { ctrlKey: true }), 'other')).toBeNull();
		expect(commandFor(press('ArrowLeft', { altKey: true }), 'other')).toBeNull();
		expect(commandFor(press('f', { metaKey: true }), 'other')).toBeNull();
	});

	it('leaves Space and Enter to a focused button or link, but still moves with the arrows', () => {
		expect(commandFor(press(' '), 'control')).toBeNull();
		expect(commandFor(press('Enter'), 'control')).toBeNull();
		expect(commandFor(press('ArrowRight'), 'control')).toBe('next');
	});
});

describe('focusKindOf', () => {
	it('tells a place to type from a control and from the rest', () => {
		expect(focusKindOf({ tagName: 'TEXTAREA' })).toBe('typing');
		expect(focusKindOf({ tagName: 'SELECT' })).toBe('typing');
		expect(focusKindOf({ tagName: 'INPUT', type: 'text' })).toBe('typing');
		expect(focusKindOf({ tagName: 'DIV', isContentEditable: true })).toBe('typing');
		expect(focusKindOf({ tagName: 'INPUT', type: 'checkbox' })).toBe('control');
		expect(focusKindOf({ tagName: 'BUTTON' })).toBe('control');
		expect(focusKindOf({ tagName: 'A' })).toBe('control');
		expect(focusKindOf({ tagName: 'H1' })).toBe('other');
		expect(focusKindOf(null)).toBe('other');
	});
});
