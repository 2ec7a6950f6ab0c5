// What an export puts in besides the plan. Apart from docx.ts so that the export panel can offer the
// choice without loading the docx library.

/** What goes in besides the plan itself. An official copy, for circulation, leaves out what is internal
 * to the drafting team; a working copy keeps it. */
export interface ExportContents {
	/** The quality review scorecard and its charts, as an annex. */
	annex: boolean;
	/** Each action's internal status ("Not started") and whether its funds are secured. */
	internalStatus: boolean;
	/** Reviewers' open comments, as Word comments. */
	comments: boolean;
}

export type CopyKind = 'official' | 'working';

export const COPY_CONTENTS: Record<CopyKind, ExportContents> = {
	official: { annex: false, internalStatus: false, comments: false },
	working: { annex: true, internalStatus: true, comments: true }
};
