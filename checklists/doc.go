// Package checklists holds the meeting agenda, the before- and
// after-meeting checklists, the plain-language word list of a SIP and the
// words the participants' quick row knows.
//
// They are data, not code, because every municipality and region has its
// own SIP routine: a coordinator must be able to read them and adapt them
// in a plain text editor such as Notepad. The defaults are embedded in the
// program (defaults/*.ini); Load lays the files of a local directory over
// them by id. A broken local file never stops the program: whatever cannot
// be used is left out and reported as a Problem with file and line, and
// the rest still applies.
//
// # File format
//
// Files end in .ini and are UTF-8 (a byte order mark and CRLF line ends
// are accepted). Blank lines and lines starting with # or ; are ignored.
// A block starts with a heading [kind id] and holds "key = value" lines,
// one value per line:
//
//	[step goals]
//	part = needs_goals
//	share = 14
//	share.child = 11
//	section = goals
//	complete = goals>=1
//	title.sv = Vad är viktigt för dig?
//	title.en = What matters to you?
//	prompt.sv = Fråga: Vad är viktigt för dig? ...
//	prompt.en = Ask: What matters to you? ...
//	prompt.child.sv = Fråga barnet: ...
//	prompt.child.en = Ask the child: ...
//
// Kinds and their keys:
//
//   - step: part (one of Parts), share (percent, 0–100), section (one of
//     Sections), complete (Conditions, comma-separated, all must hold),
//     round (true when everyone present must speak), variants (adult,
//     child, older or all), title.sv/.en, prompt.sv/.en, and per variant
//     prompt.VARIANT.sv/.en and share.VARIANT.
//   - before, after: text.sv/.en, text.VARIANT.sv/.en, variants. An id is
//     used in only one of the two lists, since ticks are stored by id.
//   - word: the id is the term itself; plain.sv is the plain Swedish
//     wording, plain.en an English explanation.
//   - easyread: one fixed phrase of the easy-read first page of the
//     person's original ("Min plan"); text.sv and text.en, and text.CODE
//     for any other language (text.fi). A language is offered when every
//     phrase the page needs has it (model.EasyReadPhrases).
//   - quick: a word of the participants' quick row; the id is the word
//     itself ("god man"). means is role, relation, title, principal,
//     party or attendance; value is the role, principal or attendance it
//     gives (model.Roles, model.Principals, room/video/phone/absent/
//     present); trustee is god_man or forvaltare; rest = true takes the
//     words after it ("tolk arabiska"). See defaults/quickrow.ini.
//
// Every kind also takes remove = true (drop the entry) and, except word,
// easyread and quick, after = id or before = id (where a new entry goes, or where an existing
// one moves). A block with an existing id changes only the keys it gives.
//
// # Concurrency
//
// A Set is not changed after Load returns and may be read from several
// goroutines.
package checklists
