// The presentation of a draft in workshop mode: its slides (rebuilt whenever the plan or the interface
// language changes), the slide shown, and the proposals captured from the room.
import { locale, t } from '../i18n/i18n.svelte.ts';
import type { DraftSession } from './draft-session.svelte.ts';
import {
	capture,
	captureChoices,
	type CaptureResult,
	type CaptureTarget
} from '../workshop/capture.ts';
import { buildSlides, slideIndexOf } from '../workshop/slides.ts';

export class Presentation {
	readonly session: DraftSession;
	#index = $state(0);
	slides = $derived.by(() => buildSlides(this.session.plan, { language: locale.language, t }));
	/** Kept within the slides: a capture or an edit elsewhere can change how many there are. */
	index = $derived(Math.min(this.#index, this.slides.length - 1));
	current = $derived(this.slides[this.index]);
	choices = $derived.by(() => captureChoices(this.session.plan, this.current, t));

	constructor(session: DraftSession, index = 0) {
		this.session = session;
		this.#index = index;
	}

	/** Shows a slide; false when it is the one already shown (or there is none such). */
	go(index: number): boolean {
		const next = Math.min(Math.max(index, 0), this.slides.length - 1);
		if (next === this.index) return false;
		this.#index = next;
		return true;
	}

	/** Writes a proposal into the plan, saves it, and shows the slide where it now appears. */
	capture(target: CaptureTarget, proposal: string): CaptureResult {
		const result = capture(this.session.plan, target, proposal);
		if (!result.ok) return result;
		this.session.edited();
		const index = slideIndexOf(this.slides, result.place);
		if (index >= 0) this.#index = index;
		return result;
	}
}
