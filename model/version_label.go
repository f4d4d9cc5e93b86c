package model

import "strconv"

// A version's number means one thing everywhere: the version it names. The
// draft being written is the next version, so a new plan's draft is
// version 1 "utkast", and finalising it makes version 1 "fastställd"; a
// follow-up's draft is version 2 "utkast". List, findings, the screens and
// the paper all name versions this way (issue 27: list said 0 where
// findings said "version 1 (utkast)").

// VersionState is a version's state in words: a draft, or finalised.
func VersionState(final bool, l Lang) string {
	if final {
		return T(l, "fastställd", "finalised")
	}
	return T(l, "utkast", "draft")
}

// VersionLabel is version n with its state, "1 (utkast)" or
// "2 (fastställd)", as a list's version column shows it; 0 (a plan with
// no version at all) is a dash.
func VersionLabel(n int, final bool, l Lang) string {
	if n <= 0 {
		return "—"
	}
	return strconv.Itoa(n) + " (" + VersionState(final, l) + ")"
}

// Label names version v in running text: "version 1 (utkast)".
func (v *Version) Label(l Lang) string {
	return T(l, "version ", "version ") + VersionLabel(v.Number, v.FinalisedAt != nil, l)
}

// Shown is the number of the version the plan is at, the one findings,
// export and print take when no version is named: the draft being written
// (the next version), else the last finalised one; 0 when there is none.
// Version counts the finalised versions only.
func (s Summary) Shown() int {
	if s.HasDraft {
		return s.Version + 1
	}
	return s.Version
}

// VersionLabel is the list's version cell: "1 (utkast)", "2 (fastställd)".
func (s Summary) VersionLabel(l Lang) string {
	return VersionLabel(s.Shown(), !s.HasDraft, l)
}
