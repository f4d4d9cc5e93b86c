package home

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/sipmote/sipmote/model"
)

// searchIndex holds what the search looks at for every plan, made once
// when the list is read: each plan's name in the search's spelling (lower
// case, marks folded: see fold.go) and its masked personnummer, one row
// per plan in the list's order, in one string. A search is then one
// strings.Index run over that string instead of folding 100 000 names at
// every key. The few names with a second spelling (Søren is sören and
// soren in Swedish) have it in a second, small string.
type searchIndex struct {
	hay    string  // per row: folded name, NUL, masked pnr, newline
	starts []int32 // where each row begins in hay; one more at the end
	// The second spellings: other holds them as hay does, otherStarts
	// where each begins (one more at the end), otherRows their rows.
	other       string
	otherStarts []int32
	otherRows   []int32
}

func newSearchIndex(l model.Lang, names, pnrs func(int) string, n int) searchIndex {
	size := 0
	for i := range n {
		size += len(names(i)) + len(pnrs(i)) + 2
	}
	// A Builder, so that the string is not copied once more at the end.
	var buf, other strings.Builder
	buf.Grow(size + size/8)
	x := searchIndex{starts: make([]int32, 0, n+1)}
	for i := range n {
		x.starts = append(x.starts, int32(buf.Len()))
		appendFolded(&buf, l, names(i), false)
		buf.WriteByte(0)
		buf.WriteString(pnrs(i))
		buf.WriteByte('\n')
		if hasOther(l, names(i)) {
			x.otherStarts = append(x.otherStarts, int32(other.Len()))
			x.otherRows = append(x.otherRows, int32(i))
			appendFolded(&other, l, names(i), true)
			other.WriteByte('\n')
		}
	}
	x.starts = append(x.starts, int32(buf.Len()))
	x.otherStarts = append(x.otherStarts, int32(other.Len()))
	x.hay, x.other = buf.String(), other.String()
	return x
}

// appendFolded writes s in the search's spelling (its second spelling if
// second), without a new string per name.
func appendFolded(buf *strings.Builder, l model.Lang, s string, second bool) {
	for i := 0; i < len(s); {
		c := s[i]
		if c < utf8.RuneSelf {
			if 'A' <= c && c <= 'Z' {
				c += 'a' - 'A'
			}
			buf.WriteByte(c)
			i++
			continue
		}
		r, w := utf8.DecodeRuneInString(s[i:])
		first, alt := foldRune(l, unicode.ToLower(r))
		if second && alt != "" {
			first = alt
		}
		buf.WriteString(first)
		i += w
	}
}

// searchQuery is what the user typed in the search's spelling, without
// the control characters that separate the index's parts (a match never
// spans two parts or two plans).
func searchQuery(l model.Lang, typed string) string {
	var b strings.Builder
	for _, r := range typed {
		if r < ' ' {
			continue
		}
		f, _ := foldRune(l, unicode.ToLower(r))
		b.WriteString(f)
	}
	return strings.TrimSpace(b.String())
}

// rows calls keep for each row whose name or pnr holds q, in order and
// once each.
func (x *searchIndex) rows(q string, keep func(row int)) {
	others := x.otherHits(q)
	emit := func(row int) {
		for len(others) > 0 && int(others[0]) <= row {
			if int(others[0]) < row {
				keep(int(others[0]))
			}
			others = others[1:]
		}
		keep(row)
	}
	n := len(x.starts) - 1
	for pos, row := 0, 0; pos < len(x.hay); {
		i := strings.Index(x.hay[pos:], q)
		if i < 0 {
			break
		}
		at := int32(pos + i)
		// The row that holds at: the last start at or before it.
		row += sort.Search(n-row, func(k int) bool { return x.starts[row+k+1] > at })
		emit(row)
		row++
		pos = int(x.starts[row])
	}
	for _, r := range others {
		keep(int(r))
	}
}

// otherHits is the rows whose second spelling holds q, in order.
func (x *searchIndex) otherHits(q string) []int32 {
	var hits []int32
	n := len(x.otherStarts) - 1
	for pos, k := 0, 0; pos < len(x.other); {
		i := strings.Index(x.other[pos:], q)
		if i < 0 {
			break
		}
		at := int32(pos + i)
		k += sort.Search(n-k, func(j int) bool { return x.otherStarts[k+j+1] > at })
		hits = append(hits, x.otherRows[k])
		k++
		pos = int(x.otherStarts[k])
	}
	return hits
}
