package cli

import "runtime/debug"

// Version is set at release with -ldflags "-X github.com/sipmote/sipmote/cli.Version=1.2.0"; a build
// from source falls back to what Go recorded of the module and commit.
var Version = ""

// version is the program's version as sipmote --version prints it.
func version() string {
	if Version != "" {
		return Version
	}
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return "(okänd version / unknown version)"
	}
	v := bi.Main.Version
	if v == "" || v == "(devel)" {
		v = "devel"
	}
	rev, dirty := "", false
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value
		case "vcs.modified":
			dirty = s.Value == "true"
		}
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	if rev != "" {
		if dirty {
			rev += "+"
		}
		v += " (" + rev + ")"
	}
	return v
}
