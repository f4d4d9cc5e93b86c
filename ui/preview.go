package ui

import (
	"strings"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/printout"
)

// planMarkdown is the preview's text: the same document the print uses,
// with the personnummer masked. In a narrow window each table row becomes
// a list item, since six columns in 80 cells break every word.
func planMarkdown(p *model.Plan, l model.Lang, width int) string {
	v := p.Current()
	if v == nil {
		return model.T(l, "Planen är tom.", "The plan is empty.")
	}
	d := model.BuildDocument(p, v, l).Masked()
	if width < 110 {
		d = tablesAsLists(d)
	}
	return printout.Markdown(d)
}

func tablesAsLists(d model.Document) model.Document {
	for si, sec := range d.Sections {
		blocks := make([]model.Block, 0, len(sec.Blocks))
		for _, bl := range sec.Blocks {
			if bl.Kind != model.BlockTable {
				blocks = append(blocks, bl)
				continue
			}
			if bl.Table.Caption != "" {
				blocks = append(blocks, model.Block{Kind: model.BlockParagraph, Text: bl.Table.Caption})
			}
			var items []string
			for _, row := range bl.Table.Rows {
				var parts []string
				for ci, cell := range row {
					if cell == "" || cell == model.Empty {
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
			blocks = append(blocks, model.Block{Kind: model.BlockList, Items: items})
		}
		d.Sections[si].Blocks = blocks
	}
	return d
}
