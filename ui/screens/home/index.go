package home

import (
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"
)

// searchIndex holds what the search looks at for every plan, made once
// when the list is read: each plan's name in lower case and its masked
// personnummer, one row per plan in the list's order, in one string.
// A search is then one strings.Index run over that string instead of
// lower-casing 100 000 names at every key.
type searchIndex struct {
	hay    string  // per row: lowered name, NUL, masked pnr, newline
	starts []int32 // where each row begins in hay; one more at the end
}

func newSearchIndex(names, pnrs func(int) string, n int) searchIndex {
	size := 0
	for i := range n {
		size += len(names(i)) + len(pnrs(i)) + 2
	}
	// A Builder, so that the string is not copied once more at the end.
	var buf strings.Builder
	buf.Grow(size + size/8)
	starts := make([]int32, 0, n+1)
	for i := range n {
		starts = append(starts, int32(buf.Len()))
		appendLower(&buf, names(i))
		buf.WriteByte(0)
		buf.WriteString(pnrs(i))
		buf.WriteByte('\n')
	}
	starts = append(starts, int32(buf.Len()))
	return searchIndex{hay: buf.String(), starts: starts}
}

// appendLower is strings.ToLower without a new string per name.
func appendLower(buf *strings.Builder, s string) {
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
		buf.WriteRune(fold(unicode.ToLower(r)))
		i += w
	}
}

// foldFrom and foldTo pair the accented small letters of names from
// elsewhere with the letter a Swedish keyboard types for them: "emile"
// finds Émile, "muller" Müller. å, ä and ö are letters of their own in
// Swedish and stay as they are; ø and æ are found by ö and ä.
const (
	foldFrom = "áàâãéèêëíìîïóòôõúùûüýÿçñøæ"
	foldTo   = "aaaaeeeeiiiioooouuuuyycnöä"
)

var folds = func() map[rune]rune {
	from, to := []rune(foldFrom), []rune(foldTo)
	m := make(map[rune]rune, len(from))
	for i, r := range from {
		m[r] = to[i]
	}
	return m
}()

// fold is r's search letter (see foldFrom).
func fold(r rune) rune {
	if r < 'à' {
		return r
	}
	if f, ok := folds[r]; ok {
		return f
	}
	return r
}

// searchQuery is what the user typed, lowered, without the control
// characters that separate the index's parts (a match never spans two
// parts or two plans).
func searchQuery(typed string) string {
	return strings.TrimSpace(strings.Map(func(r rune) rune {
		if r < ' ' {
			return -1
		}
		return fold(unicode.ToLower(r))
	}, typed))
}

// rows calls keep for each row whose name or pnr holds q, in order.
func (x *searchIndex) rows(q string, keep func(row int)) {
	n := len(x.starts) - 1
	for pos, row := 0, 0; pos < len(x.hay); {
		i := strings.Index(x.hay[pos:], q)
		if i < 0 {
			return
		}
		at := int32(pos + i)
		// The row that holds at: the last start at or before it.
		row += sort.Search(n-row, func(k int) bool { return x.starts[row+k+1] > at })
		keep(row)
		row++
		pos = int(x.starts[row])
	}
}
