package printout

import "github.com/sipmote/sipmote/model"

// CopyMarks are the marks of a print made from a copy list, one paper per
// mark: the original first ("Original till Maja Lind"), then a copy named
// for each recipient ("Kopia till Per Wall, Geriatriken"), so that each
// paper says on its first page whose it is. originalOnly leaves the copies
// out; withOriginal false leaves the original out (a reprint of some
// copies).
func CopyMarks(l model.Lang, original model.Recipient, copies []model.Recipient, withOriginal bool) []string {
	var out []string
	if withOriginal {
		out = append(out, original.Mark(l))
	}
	for _, r := range copies {
		out = append(out, r.Mark(l))
	}
	return out
}
