package accessible

import "github.com/sipmote/sipmote/model"

// Lines typed at a terminal before the mode was ready were typed at a
// program nobody could see yet: `sipmote meeting ID` followed at once by
// "p" and enter put "p" in the person's name (issue 27). So what is
// already waiting in the terminal when the mode's first line has been
// written is dropped, never acted on, and one line says how many lines
// that was. The full screen does the same with keys before its first
// frame (ui/firstframe.go).
//
// Only a terminal is treated so. A pipe or a file holds a script's
// commands, all written before the mode starts, and is read whole:
// `printf ':ny\n…' | sipmote --accessible` works as before. Lines typed
// after the first line, while a plan opens, are kept and answer the first
// question, as keys after the full screen's first frame are.

// sayDropped says how many lines typed before the mode was ready were
// dropped, when there were any.
func (r *runner) sayDropped(n int) {
	if n <= 0 {
		return
	}
	r.say(model.Plural(r.l, n,
		"%d rad skrevs innan sipmote var klart; den gjorde ingenting.",
		"%d rader skrevs innan sipmote var klart; de gjorde ingenting.",
		"%d line was typed before sipmote was ready; it did nothing.",
		"%d lines were typed before sipmote was ready; they did nothing."))
}

// countLines is how many lines b holds, a last one without its end
// included.
func countLines(b []byte) int {
	n := 0
	for i, c := range b {
		if c == '\n' || c == '\r' && (i+1 == len(b) || b[i+1] != '\n') || i+1 == len(b) {
			n++
		}
	}
	return n
}
