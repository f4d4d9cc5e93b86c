package checklists

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sipmote/sipmote/model"
)

// TestQuickRowReadsRealRows reads lines as a secretary types them with the
// default word list, and checks every field the row fills: what the row
// cannot place must land in the note, never in a field it does not
// belong in.
func TestQuickRowReadsRealRows(t *testing.T) {
	set, probs := Load("")
	if len(probs) > 0 {
		t.Fatalf("defaults have problems: %v", probs)
	}
	if len(set.QuickWords) < 100 {
		t.Fatalf("only %d quick-row words", len(set.QuickWords))
	}
	type P = model.Participant
	tests := []struct {
		line string
		want P
	}{
		// The two rows of issue 27.
		{"Bo Sjöberg, närstående (son), telefon", P{Name: "Bo Sjöberg", Role: model.RoleRelative, Title: "son", Attendance: model.AttendPhone}},
		{"Lena Ek, distriktssköterska, Vårdcentralen Väst, region", P{Name: "Lena Ek", Role: model.RoleStaff, Title: "distriktssköterska",
			Unit: "Vårdcentralen Väst", Principal: model.PrincipalRegion, Attendance: model.AttendRoom}},
		// Case and missing diacritics.
		{"lena ek, Distriktsskoterska, vardcentralen vast, REGIONEN", P{Name: "lena ek", Role: model.RoleStaff, Title: "distriktssköterska",
			Unit: "vardcentralen vast", Principal: model.PrincipalRegion, Attendance: model.AttendRoom}},
		{"Per Wall, Geriatriken, region, video", P{Name: "Per Wall", Role: model.RoleStaff, Unit: "Geriatriken", Principal: model.PrincipalRegion, Attendance: model.AttendVideo}},
		{"Aino Virtanen, tolk finska", P{Name: "Aino Virtanen", Role: model.RoleInterpreter, Language: "finska", Attendance: model.AttendRoom}},
		{"Samir Haddad, Tolk arabiska, telefon", P{Name: "Samir Haddad", Role: model.RoleInterpreter, Language: "arabiska", Attendance: model.AttendPhone}},
		{"Samir Haddad, tolk (arabiska)", P{Name: "Samir Haddad", Role: model.RoleInterpreter, Language: "arabiska", Attendance: model.AttendRoom}},
		// An interpreter has no kommun/region: the word goes to the note.
		{"Samir Haddad, tolk arabiska, region", P{Name: "Samir Haddad", Role: model.RoleInterpreter, Language: "arabiska", Attendance: model.AttendRoom, PresenceNote: "region"}},
		{"Gun Berg, God Man", P{Name: "Gun Berg", Role: model.RoleTrustee, TrusteeKind: model.TrusteeGodMan, Attendance: model.AttendRoom}},
		{"Gun Berg, forvaltare, Överförmyndarnämnden", P{Name: "Gun Berg", Role: model.RoleTrustee, TrusteeKind: model.TrusteeForvaltare,
			Unit: "Överförmyndarnämnden", Attendance: model.AttendRoom}},
		{"Lena Sund, Försäkringskassan, frånvarande, handläggare", P{Name: "Lena Sund", Role: model.RolePartyStaff,
			Principal: model.PrincipalOther, OtherParty: "Försäkringskassan", Title: "handläggare"}},
		{"Lena Sund, forsakringskassan", P{Name: "Lena Sund", Role: model.RolePartyStaff, Principal: model.PrincipalOther,
			OtherParty: "Försäkringskassan", Attendance: model.AttendRoom}},
		{"Anna Holm, vårdnadshavare, mamma", P{Name: "Anna Holm", Role: model.RoleGuardian, Title: "mamma", Attendance: model.AttendRoom}},
		{"Anna, vårdnadshavare", P{Name: "Anna", Role: model.RoleGuardian, Attendance: model.AttendRoom}},
		{"Kerstin Ek, dotter, på distans", P{Name: "Kerstin Ek", Role: model.RoleRelative, Title: "dotter", Attendance: model.AttendVideo}},
		{"Olle Lind, make, förhinder", P{Name: "Olle Lind", Role: model.RoleRelative, Title: "make"}},
		// A relative has no unit: what is not a word goes to the note.
		{"Olle Lind, sambo, bor i Umeå", P{Name: "Olle Lind", Role: model.RoleRelative, Title: "sambo", Attendance: model.AttendRoom, PresenceNote: "bor i Umeå"}},
		{"Olle Lind, närstående (bonuspappa), telefon", P{Name: "Olle Lind", Role: model.RoleRelative, Title: "bonuspappa", Attendance: model.AttendPhone}},
		{"Maria Berg, stödperson, Brukarföreningen", P{Name: "Maria Berg", Role: model.RoleSupport, Unit: "Brukarföreningen", Attendance: model.AttendRoom}},
		{"Ali Rahimi, kurator, Beroendemottagningen, region, via telefon", P{Name: "Ali Rahimi", Role: model.RoleStaff, Title: "kurator",
			Unit: "Beroendemottagningen", Principal: model.PrincipalRegion, Attendance: model.AttendPhone}},
		{"Karin Holm, biståndshandläggare, Socialtjänsten, äldreomsorgen, kommun", P{Name: "Karin Holm", Role: model.RoleStaff,
			Title: "biståndshandläggare", Unit: "Socialtjänsten, äldreomsorgen", Principal: model.PrincipalKommun, Attendance: model.AttendRoom}},
		{"Jonas Berg, överläkare, Psykiatrimottagningen, region", P{Name: "Jonas Berg", Role: model.RoleStaff, Title: "överläkare",
			Unit: "Psykiatrimottagningen", Principal: model.PrincipalRegion, Attendance: model.AttendRoom}},
		{"Eva Lund, LSS handläggare, kommunen, teams", P{Name: "Eva Lund", Role: model.RoleStaff, Title: "LSS-handläggare",
			Principal: model.PrincipalKommun, Attendance: model.AttendVideo}},
		{"Eva Lund, biträdande rektor, Ekskolan, kommun", P{Name: "Eva Lund", Role: model.RoleStaff, Title: "biträdande rektor",
			Unit: "Ekskolan", Principal: model.PrincipalKommun, Attendance: model.AttendRoom}},
		{"Tove Sand, personligt ombud, PO Skåne", P{Name: "Tove Sand", Role: model.RoleStaff, Title: "personligt ombud", Unit: "PO Skåne", Attendance: model.AttendRoom}},
		{"Nils Ek (boendestödjare), Boendestödet, kommun", P{Name: "Nils Ek", Role: model.RoleStaff, Title: "boendestödjare",
			Unit: "Boendestödet", Principal: model.PrincipalKommun, Attendance: model.AttendRoom}},
		// A second unknown run after a known word is not guessed as unit.
		{"Sara Ny, arbetsterapeut, Habiliteringen, region, kommer efter lunch", P{Name: "Sara Ny", Role: model.RoleStaff, Title: "arbetsterapeut",
			Unit: "Habiliteringen", Principal: model.PrincipalRegion, Attendance: model.AttendRoom, PresenceNote: "kommer efter lunch"}},
		{"Sara Ny, Umeå kommun", P{Name: "Sara Ny", Role: model.RoleStaff, Unit: "Umeå kommun", Principal: model.PrincipalKommun, Attendance: model.AttendRoom}},
		// Two different answers to one question: the second is a note.
		{"Sara Ny, telefon, video", P{Name: "Sara Ny", Role: model.RoleStaff, Attendance: model.AttendPhone, PresenceNote: "video"}},
		{"Elias Nyström, den enskilde", P{Name: "Elias Nyström", Role: model.RolePerson, Attendance: model.AttendRoom}},
		{"Eva", P{Name: "Eva", Role: model.RoleStaff, Attendance: model.AttendRoom}},
		{"Mia Öst, skolsköterska, Elevhälsan (Ekskolan), kommun, närvarande", P{Name: "Mia Öst", Role: model.RoleStaff, Title: "skolsköterska",
			Unit: "Elevhälsan (Ekskolan)", Principal: model.PrincipalKommun, Attendance: model.AttendRoom}},
		{"John Smith, relative (son), phone", P{Name: "John Smith", Role: model.RoleRelative, Title: "son", Attendance: model.AttendPhone}},
		// English rows: a role followed by what it is about keeps the
		// role and notes the rest.
		{"Mary Smith, trustee for finances, absent", P{Name: "Mary Smith", Role: model.RoleTrustee, PresenceNote: "for finances"}},
		{"Gun Berg, god man för ekonomin", P{Name: "Gun Berg", Role: model.RoleTrustee, TrusteeKind: model.TrusteeGodMan, Attendance: model.AttendRoom,
			PresenceNote: "för ekonomin"}},
		{"Tom Reed, support person, by phone", P{Name: "Tom Reed", Role: model.RoleSupport, Attendance: model.AttendPhone}},
		{"Jane Doe, guardian, mum", P{Name: "Jane Doe", Role: model.RoleGuardian, Title: "mum", Attendance: model.AttendRoom}},
		{"Li Wei, grandmother, cannot come", P{Name: "Li Wei", Role: model.RoleRelative, Title: "grandmother"}},
		{"Ann Lee, GP, Health Centre North, the region, online", P{Name: "Ann Lee", Role: model.RoleStaff, Title: "GP",
			Unit: "Health Centre North", Principal: model.PrincipalRegion, Attendance: model.AttendVideo}},
		{"Sam Fox, support worker, Housing Support, local authority, in person", P{Name: "Sam Fox", Role: model.RoleStaff, Title: "support worker",
			Unit: "Housing Support", Principal: model.PrincipalKommun, Attendance: model.AttendRoom}},
		{"Omar Ali, interpreter (Arabic), telephone", P{Name: "Omar Ali", Role: model.RoleInterpreter, Language: "Arabic", Attendance: model.AttendPhone}},
	}
	for _, tt := range tests {
		q := model.ParseQuickRow(tt.line, model.FormRoom, set.QuickWords)
		if !q.OK {
			t.Errorf("%q: not read", tt.line)
			continue
		}
		got := q.Participant
		if got.Name != tt.want.Name || got.Role != tt.want.Role || got.Unit != tt.want.Unit || got.Principal != tt.want.Principal ||
			got.OtherParty != tt.want.OtherParty || got.Language != tt.want.Language || got.TrusteeKind != tt.want.TrusteeKind ||
			got.Attendance != tt.want.Attendance || got.Title != tt.want.Title || got.PresenceNote != tt.want.PresenceNote {
			t.Errorf("%q:\n got %+v\nwant %+v", tt.line, got, tt.want)
		}
		// Nothing is placed in a field the role does not have.
		if vis := got.Visible(); vis.Unit != got.Unit || vis.Principal != got.Principal || vis.Language != got.Language || vis.OtherParty != got.OtherParty {
			t.Errorf("%q: a hidden field holds something: %+v", tt.line, got)
		}
	}
	for _, line := range []string{"", "   ", " , video", "(kurator)"} {
		if q := model.ParseQuickRow(line, model.FormRoom, set.QuickWords); q.OK {
			t.Errorf("%q read as a participant: %+v", line, q.Participant)
		}
	}
	// A video meeting: present means by video unless said otherwise.
	if q := model.ParseQuickRow("Eva, närvarande", model.FormVideo, set.QuickWords); q.Participant.Attendance != model.AttendVideo {
		t.Errorf("video meeting: %q", q.Participant.Attendance)
	}
}

// TestQuickRowSegments: the preview says what the row understood, in the
// user's language, note included.
func TestQuickRowSegments(t *testing.T) {
	set, _ := Load("")
	for _, tt := range []struct {
		line string
		l    model.Lang
		want string
	}{
		{"Bo Sjöberg, närstående (son), telefon", model.Swedish, "Bo Sjöberg · närstående, son · telefon"},
		{"Bo Sjöberg, närstående (son), telefon", model.English, "Bo Sjöberg · relative, son · phone"},
		{"Lena Ek, distriktssköterska, Vårdcentralen Väst, region", model.Swedish, "Lena Ek · personal, distriktssköterska · Vårdcentralen Väst · region · på plats"},
		{"Olle Lind, sambo, bor i Umeå", model.Swedish, "Olle Lind · närstående, sambo · på plats · anteckning: bor i Umeå"},
		{"Olle Lind, sambo, bor i Umeå", model.English, "Olle Lind · relative, sambo · in the room · note: bor i Umeå"},
	} {
		got := strings.Join(model.ParseQuickRow(tt.line, model.FormRoom, set.QuickWords).Segments(tt.l), " · ")
		if got != tt.want {
			t.Errorf("%q (%s):\n got %s\nwant %s", tt.line, tt.l, got, tt.want)
		}
	}
}

// TestQuickWordsLocalFile: a local file adds a title and removes a word,
// and a broken block is reported with its line and left out.
func TestQuickWordsLocalFile(t *testing.T) {
	dir := t.TempDir()
	data := "[quick stödassistent]\nmeans = title\n\n[quick far]\nremove = true\n\n[quick ledsagare]\nmeans = friend\n\n[quick sjuk]\nmeans = attendance\nvalue = ill\n"
	if err := os.WriteFile(filepath.Join(dir, "local.ini"), []byte(data), 0o600); err != nil {
		t.Fatal(err)
	}
	set, probs := Load(dir)
	if len(probs) != 2 || probs[0].Line != 8 || probs[1].Line != 12 {
		t.Fatalf("problems: %v", probs)
	}
	q := model.ParseQuickRow("Ida Ek, Stodassistent, far", model.FormRoom, set.QuickWords)
	if q.Participant.Title != "stödassistent" || q.Participant.Role != model.RoleStaff || q.Participant.Unit != "far" {
		t.Errorf("local words not used: %+v", q.Participant)
	}
}

// FuzzParseQuickRow: no line makes the quick row panic or put text in a
// field the role does not have.
func FuzzParseQuickRow(f *testing.F) {
	set, _ := Load("")
	for _, s := range []string{"Bo Sjöberg, närstående (son), telefon", "a,(b,(c)),)", "x, tolk (", "((((", ",,,", "Å, Ä, Ö, é, ü"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, line string) {
		q := model.ParseQuickRow(line, model.FormRoom, set.QuickWords)
		if !q.OK {
			return
		}
		p := q.Participant
		if v := p.Visible(); v.Unit != p.Unit || v.Principal != p.Principal || v.Language != p.Language || v.OtherParty != p.OtherParty {
			t.Errorf("%q: a hidden field holds something: %+v", line, p)
		}
		_ = q.Segments(model.English)
	})
}

// TestQuickRowParentsAndPhone: in a child's plan a parent's word makes a
// guardian, as SIP.md has each guardian consent; in an adult's plan, and
// for a step-parent, it stays a relative. A phone number goes to the
// phone and an address to the e-mail, not to the note (tryout42a #15).
func TestQuickRowParentsAndPhone(t *testing.T) {
	set, probs := Load("")
	if len(probs) > 0 {
		t.Fatalf("defaults have problems: %v", probs)
	}
	for _, tc := range []struct {
		line  string
		child bool
		role  model.Role
		title string
	}{
		{"Olle Lund, pappa, video", true, model.RoleGuardian, "pappa"},
		{"Olle Lund, pappa, video", false, model.RoleRelative, "pappa"},
		{"Maria Andersson, mamma", true, model.RoleGuardian, "mamma"},
		{"Maria Andersson, vårdnadshavare (mamma)", true, model.RoleGuardian, "mamma"},
		{"Eva Ek, bonusmamma", true, model.RoleRelative, "bonusmamma"},
		{"Eva Ek, närstående (mamma)", true, model.RoleRelative, "mamma"},
		{"Bo Ek, son", true, model.RoleRelative, "son"},
	} {
		q := model.ParseQuickRowFor(tc.line, model.FormRoom, set.QuickWords, tc.child)
		if q.Participant.Role != tc.role || q.Participant.Title != tc.title {
			t.Errorf("%q (child %v): role %s, title %q; want %s, %q", tc.line, tc.child, q.Participant.Role, q.Participant.Title, tc.role, tc.title)
		}
	}
	q := model.ParseQuickRowFor("Karim Haddad, vårdnadshavare (pappa), telefon, 070-123 45 67, karim@example.org", model.FormRoom, set.QuickWords, true)
	pt := q.Participant
	if pt.Phone != "070-123 45 67" || pt.Email != "karim@example.org" || pt.PresenceNote != "" || pt.Attendance != model.AttendPhone {
		t.Errorf("phone %q, e-mail %q, note %q, attendance %s", pt.Phone, pt.Email, pt.PresenceNote, pt.Attendance)
	}
	if got := strings.Join(q.Segments(model.Swedish), " · "); !strings.Contains(got, "telefon: 070-123 45 67") || strings.Contains(got, "anteckning") {
		t.Errorf("the preview: %q", got)
	}
	// A personnummer is no phone number.
	if q := model.ParseQuickRowFor("Elias Andersson, den enskilde, 060312-1237", model.FormRoom, set.QuickWords, true); q.Participant.Phone != "" {
		t.Errorf("a personnummer went to the phone: %q", q.Participant.Phone)
	}
}
