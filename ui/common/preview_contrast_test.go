package common_test

import (
	"reflect"
	"strings"
	"testing"

	"charm.land/lipgloss/v2"

	gansi "charm.land/glamour/v2/ansi"

	"github.com/sipmote/sipmote/ui/common"
	"github.com/sipmote/sipmote/ui/screens/meeting/preview"
)

// TestPreviewContrast: the plan's preview (ctrl+e, and the room's screen)
// is drawn by glamour in the style PreviewStyle picks; every text colour
// of the elements a plan is written in (headings, paragraphs, lists,
// emphasis, quotes, tables) reads at 4.5:1 on the backgrounds the
// screens' own styles are measured against, or on the style's own
// background where it has one; a rule at 3:1. Code, images and links are
// not in a plan and are left to glamour.
func TestPreviewContrast(t *testing.T) {
	for _, dark := range []bool{true, false} {
		st := common.NewStyles(dark, false)
		cfg := preview.Style(&st)
		for _, bg := range common.Backgrounds[dark] {
			br, bgg, bb := common.Hex(bg)
			bgL := common.Luminance(br, bgg, bb)
			walkPrimitives(reflect.ValueOf(cfg), "Preview", func(path string, p gansi.StylePrimitive) {
				if p.Color == nil || notInAPlan(path) {
					return
				}
				need := 4.5
				if strings.HasPrefix(path, "Preview.HorizontalRule") {
					need = 3
				}
				r, g, b, ok, why := common.SRGB(lipgloss.Color(*p.Color))
				if !ok {
					if why != "" {
						t.Errorf("dark=%v %s: %s", dark, path, why)
					}
					return
				}
				against := bgL
				if p.BackgroundColor != nil {
					if r2, g2, b2, ok2, _ := common.SRGB(lipgloss.Color(*p.BackgroundColor)); ok2 {
						against = common.Luminance(r2, g2, b2)
					}
				}
				if got := common.Ratio(common.Luminance(r, g, b), against); got < need {
					t.Errorf("dark=%v %s: %s on %s is %.2f:1, below %.1f:1", dark, path, *p.Color, bg, got, need)
				}
			})
		}
	}
}

// notInAPlan are the elements a plan's Markdown never has.
func notInAPlan(path string) bool {
	for _, p := range []string{"Preview.Code", "Preview.Image", "Preview.Link"} {
		if strings.HasPrefix(path, p) {
			return true
		}
	}
	return false
}

func walkPrimitives(v reflect.Value, path string, fn func(string, gansi.StylePrimitive)) {
	if v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return
		}
		v = v.Elem()
	}
	if p, ok := v.Interface().(gansi.StylePrimitive); ok {
		fn(path, p)
		return
	}
	if v.Kind() != reflect.Struct {
		return
	}
	for i := range v.NumField() {
		f := v.Type().Field(i)
		if f.IsExported() {
			walkPrimitives(v.Field(i), path+"."+f.Name, fn)
		}
	}
}
