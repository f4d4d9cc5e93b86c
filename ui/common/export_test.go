package common

// The contrast sums, for the tests of other packages' colours.
var (
	SRGB        = srgb
	Luminance   = luminance
	Ratio       = ratio
	Backgrounds = backgrounds
	Hex         = hex
)
