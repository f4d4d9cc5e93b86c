package common

import (
	"fmt"
	"image/color"
	"math"
	"reflect"
	"strings"
	"testing"

	"charm.land/lipgloss/v2"
	"github.com/charmbracelet/colorprofile"
	"github.com/charmbracelet/x/ansi"
)

// srgb turns a colour as the styles hold it into 8-bit sRGB: a 256-colour
// index by the xterm palette's formula (the 6×6×6 cube and the grey ramp),
// a hex colour as it is. ok is false for no colour (the terminal's own)
// and for the 16 basic colours, whose shade each terminal theme decides,
// so that no contrast can be promised for them.
func srgb(c color.Color) (r, g, b uint8, ok bool, why string) {
	switch v := c.(type) {
	case nil, lipgloss.NoColor:
		return 0, 0, 0, false, ""
	case ansi.BasicColor:
		return 0, 0, 0, false, fmt.Sprintf("basic colour %d: its shade is the terminal theme's", int(v))
	case ansi.IndexedColor:
		i := int(v)
		switch {
		case i < 16:
			return 0, 0, 0, false, fmt.Sprintf("basic colour %d: its shade is the terminal theme's", i)
		case i < 232:
			steps := []uint8{0, 0x5f, 0x87, 0xaf, 0xd7, 0xff}
			i -= 16
			return steps[i/36], steps[i/6%6], steps[i%6], true, ""
		default:
			g := uint8(8 + 10*(i-232))
			return g, g, g, true, ""
		}
	}
	r32, g32, b32, _ := c.RGBA()
	return uint8(r32 >> 8), uint8(g32 >> 8), uint8(b32 >> 8), true, ""
}

// luminance is WCAG 2's relative luminance of an sRGB colour.
func luminance(r, g, b uint8) float64 {
	lin := func(c uint8) float64 {
		s := float64(c) / 255
		if s <= 0.04045 {
			return s / 12.92
		}
		return math.Pow((s+0.055)/1.055, 2.4)
	}
	return 0.2126*lin(r) + 0.7152*lin(g) + 0.0722*lin(b)
}

// ratio is WCAG 2's contrast ratio of two luminances, 1 to 21.
func ratio(a, b float64) float64 {
	return (max(a, b) + 0.05) / (min(a, b) + 0.05)
}

func hex(s string) (uint8, uint8, uint8) {
	var r, g, b uint8
	_, _ = fmt.Sscanf(s, "#%02x%02x%02x", &r, &g, &b)
	return r, g, b
}

// TestRatioKnownValues keeps the sums honest: black on white is 21:1, the
// 256-colour grey 239 (#4e4e4e) on black is about 2.5:1 and 249 (#b2b2b2)
// on white about 2.1:1, the two the key-help line once had.
func TestRatioKnownValues(t *testing.T) {
	lum := func(c color.Color) float64 {
		r, g, b, _, _ := srgb(c)
		return luminance(r, g, b)
	}
	black, white := lum(lipgloss.Color("#000000")), lum(lipgloss.Color("#ffffff"))
	for _, c := range []struct {
		name string
		got  float64
		want float64
	}{
		{"black on white", ratio(black, white), 21},
		{"239 on black", ratio(lum(lipgloss.Color("239")), black), 2.52},
		{"249 on white", ratio(lum(lipgloss.Color("249")), white), 2.1},
		{"#767676 on white", ratio(lum(lipgloss.Color("#767676")), white), 4.54},
	} {
		if math.Abs(c.got-c.want) > 0.06 {
			t.Errorf("%s: ratio %.2f, want %.2f", c.name, c.got, c.want)
		}
	}
}

// backgrounds are the terminal backgrounds the styles must read on: the
// terminals' own black and white, and the dark grey and off-white of
// common editor and terminal themes.
var backgrounds = map[bool][]string{
	true:  {"#000000", "#1e1e1e"},
	false: {"#ffffff", "#fafafa"},
}

// TestStylesContrast computes, from the colours in the Styles value itself,
// the contrast of every text colour the screens draw with (key help,
// hints, placeholders, status, titles, warnings …) against dark and light
// backgrounds, and fails below WCAG's 4.5:1. Borders and the cursor are
// not text and need 3:1. A style with its own background is measured
// against it.
func TestStylesContrast(t *testing.T) {
	for _, dark := range []bool{true, false} {
		st := NewStyles(dark, false)
		for _, bg := range backgrounds[dark] {
			br, bgg, bb := hex(bg)
			bgL := luminance(br, bgg, bb)
			lowest, lowestAt := 21.0, ""
			var one func(path string, fg color.Color, need float64, ownBg color.Color)
			// A terminal of 256 colours (tmux, many a laptop's) gets each
			// hex colour as the nearest of its palette: that one must read
			// as well.
			check := func(path string, fg color.Color, need float64, ownBg color.Color) {
				one(path, fg, need, ownBg)
				if _, ok := fg.(color.RGBA); ok {
					one(path+" (as 256 colours)", colorprofile.ANSI256.Convert(fg), need, ownBg)
				}
			}
			one = func(path string, fg color.Color, need float64, ownBg color.Color) {
				r, g, b, ok, why := srgb(fg)
				if why != "" {
					t.Errorf("dark=%v %s: %s", dark, path, why)
				}
				if !ok {
					return
				}
				against, on := bgL, bg
				if ownBg != nil {
					if r2, g2, b2, ok2, _ := srgb(ownBg); ok2 {
						against, on = luminance(r2, g2, b2), fmt.Sprintf("#%02x%02x%02x", r2, g2, b2)
					}
				}
				got := ratio(luminance(r, g, b), against)
				if need == 4.5 && got < lowest {
					lowest, lowestAt = got, path
				}
				if got < need {
					t.Errorf("dark=%v %s: #%02x%02x%02x on %s is %.2f:1, below %.1f:1", dark, path, r, g, b, on, got, need)
				}
			}
			walkStyles(reflect.ValueOf(st), "Styles", func(path string, s lipgloss.Style) {
				need := 4.5
				if strings.Contains(path, "Border") {
					need = 3 // a line, not text
				}
				var ownBg color.Color
				if b := s.GetBackground(); b != nil {
					if _, none := b.(lipgloss.NoColor); !none {
						ownBg = b
						_, _, _, _, why := srgb(b)
						if why != "" {
							t.Errorf("dark=%v %s background: %s", dark, path, why)
						}
					}
				}
				check(path, s.GetForeground(), need, ownBg)
				check(path+" border", s.GetBorderTopForeground(), 3, nil)
			}, func(path string, c color.Color) {
				check(path, c, 3, nil) // the cursor
			})
			t.Logf("dark=%v on %s: lowest text contrast %.2f:1 (%s)", dark, bg, lowest, lowestAt)
		}
	}
}

// walkStyles visits every lipgloss.Style and every colour in a value of
// styles, by field path, however deeply the bubbles nest them.
func walkStyles(v reflect.Value, path string, style func(string, lipgloss.Style), col func(string, color.Color)) {
	if s, ok := v.Interface().(lipgloss.Style); ok {
		style(path, s)
		return
	}
	switch v.Kind() {
	case reflect.Struct:
		for i := range v.NumField() {
			f := v.Type().Field(i)
			if !f.IsExported() {
				continue
			}
			walkStyles(v.Field(i), path+"."+f.Name, style, col)
		}
	case reflect.Interface:
		if c, ok := v.Interface().(color.Color); ok && !v.IsNil() {
			col(path, c)
		}
	}
}

// TestStylesWalkSeesTheKeyHelp guards the walk itself: it must reach the
// key help's description colour, which once failed.
func TestStylesWalkSeesTheKeyHelp(t *testing.T) {
	seen := map[string]bool{}
	walkStyles(reflect.ValueOf(NewStyles(true, false)), "Styles", func(p string, _ lipgloss.Style) { seen[p] = true }, func(p string, _ color.Color) { seen[p] = true })
	for _, p := range []string{"Styles.Help.ShortDesc", "Styles.Help.ShortKey", "Styles.Subtle", "Styles.Status", "Styles.Input.Blurred.Placeholder", "Styles.Area.Focused.Placeholder"} {
		if !seen[p] {
			t.Errorf("the walk misses %s", p)
		}
	}
}
