package printout

import "github.com/sipmote/sipmote/model"

// CopyPapers are the papers of a print made from a copy list, one per
// recipient: the originals first ("Original till Anna Nyström,
// vårdnadshavare"), then a copy named for each recipient ("Kopia till Per
// Wall, Geriatriken"), so that each paper says on its first page whose it
// is. A recipient's paper starts with the easy-read page when theirs does
// (the originals, the child's own copy, written to the child) and never
// otherwise: a staff copy has the same pages whether it is printed alone
// or with the rest. easy nil leaves the page out of every paper.
func CopyPapers(l model.Lang, rs []model.Recipient, easy *model.EasyRead) []Paper {
	var out []Paper
	for _, r := range rs {
		pp := Paper{Mark: r.Mark(l)}
		if easy != nil && r.EasyRead {
			e := *easy
			if r.Child {
				e = e.ForChild()
			}
			pp.EasyRead = &e
		}
		out = append(out, pp)
	}
	return out
}
