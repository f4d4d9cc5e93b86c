package model

import "strings"

// TablesAsLists is d with every table turned into a list, one item per
// row ("header: cell; …"): how the preview shows a plan in a narrow window
// and how a screen reader gets it, since six columns in 80 cells break
// every word.
func (d Document) TablesAsLists() Document {
	for si, sec := range d.Sections {
		blocks := make([]Block, 0, len(sec.Blocks))
		for _, bl := range sec.Blocks {
			if bl.Kind != BlockTable {
				blocks = append(blocks, bl)
				continue
			}
			if bl.Table.Caption != "" {
				blocks = append(blocks, Block{Kind: BlockParagraph, Text: bl.Table.Caption})
			}
			var items []string
			for _, row := range bl.Table.Rows {
				var parts []string
				for ci, cell := range row {
					if cell == "" || cell == Empty {
						continue
					}
					if ci == 0 || ci >= len(bl.Table.Header) {
						parts = append(parts, cell)
					} else {
						parts = append(parts, strings.ToLower(bl.Table.Header[ci])+": "+cell)
					}
				}
				items = append(items, strings.Join(parts, "; "))
			}
			blocks = append(blocks, Block{Kind: BlockList, Items: items})
		}
		d.Sections[si].Blocks = blocks
	}
	return d
}
