package model

import (
	"strings"
	"testing"
)

func TestPhoneAndEmailProblems(t *testing.T) {
	for _, tc := range []struct {
		phone string
		bad   bool
	}{
		{"", false}, {"070-174 06 12", false}, {"+46 (0)70 174 06 12", false}, {"08-123 45 67 vx", false},
		{"1177", false}, {"010-123 45 67 ankn. 12", false},
		{"inte ett nummer!!", true}, {"ring mig", true}, {"070-12 34 56!", true}, {"070@123", true},
	} {
		if got := PhoneProblem(tc.phone); (got.SV != "") != tc.bad || (got.EN != "") != tc.bad {
			t.Errorf("PhoneProblem(%q) = %+v, want bad %t", tc.phone, got, tc.bad)
		}
	}
	for _, tc := range []struct {
		mail string
		bad  bool
	}{
		{"", false}, {"karin.berg@kommun.se", false}, {"a@b.co", false},
		{"karin.berg@kommun", true}, {"karin.berg.kommun.se", true}, {"@kommun.se", true}, {"karin berg@kommun.se", true},
		{"karin@@kommun.se", true}, {"karin@kommun.", true}, {"karin@.se", true}, {"karin@kommun..se", true},
	} {
		if got := EmailProblem(tc.mail); (got.SV != "") != tc.bad || (got.EN != "") != tc.bad {
			t.Errorf("EmailProblem(%q) = %+v, want bad %t", tc.mail, got, tc.bad)
		}
	}
}

// TestCoordinatorContactIsChecked: "inte ett nummer!!" was printed on the
// easy-read page as the number to call, with no finding (tryout41a #13).
// Each bad contact is a warning that names whose it is; a coordinator with
// no usable way at all cannot be reached, an error as for none.
func TestCoordinatorContactIsChecked(t *testing.T) {
	p := validPlan()
	v := p.Draft
	ali := v.Participant("p-ali") // the coordinator
	ali.Phone, ali.Email = "inte ett nummer!!", "ali@example.org"
	karin := v.Participant("p-karin")
	karin.Email = "karin.berg@kommun"
	fs := Validate(p, v, Options{Now: testNow})
	got := map[string]Finding{}
	for _, f := range fs {
		got[f.Path] = f
	}
	if f := got["meeting.participants[1].phone"]; f.Severity != SevWarning ||
		f.Message.SV != "Samordnaren Ali Rahimis telefonnummer ser inte rätt ut (inte ett nummer!!): det har inga siffror. Det skrivs ut på den lättlästa sidan som numret den enskilde ska ringa." ||
		!strings.HasPrefix(f.Message.EN, "The coordinator Ali Rahimi's phone number does not look right (inte ett nummer!!): it has no digits.") {
		t.Errorf("coordinator's phone: %+v", f)
	}
	if f := got["meeting.participants[2].email"]; f.Severity != SevWarning ||
		f.Message.SV != "Karin Holms e-postadress ser inte rätt ut (karin.berg@kommun): den saknar en domän med punkt efter @ (t.ex. @kommun.se)." {
		t.Errorf("Karin's e-mail: %+v", f)
	}
	if _, ok := got["content.coordinator"]; ok {
		t.Errorf("the coordinator has a good e-mail, yet: %+v", got["content.coordinator"])
	}
	ali.Email = ""
	fs = Validate(p, v, Options{Now: testNow})
	var unreachable bool
	for _, f := range fs {
		if f.Path == "content.coordinator" && f.Severity == SevError && strings.Contains(f.Message.SV, "kan inte nå samordnaren") {
			unreachable = true
		}
	}
	if !unreachable {
		t.Errorf("a coordinator with only a phone that has no digits is not said to be unreachable: %+v", fs)
	}
}

// TestActionContactIsChecked: an action's contact is how to reach someone
// who was not at the meeting; one that holds no way to reach them, or a
// number or address that cannot be used, is a warning on the field.
func TestActionContactIsChecked(t *testing.T) {
	for _, tc := range []struct {
		contact, want string
	}{
		{"", ""},
		{"Karin Berg, 070-174 06 12", ""},
		{"karin.berg@kommun.se", ""},
		{"Karin (karin.berg@kommun.se), 08-123 45 67 vx", ""},
		{"Karin på IFO", "har varken telefonnummer eller e-postadress"},
		{"karin.berg@kommun", "har en e-postadress som inte ser rätt ut"},
		{"Karin 070-12 34 56!", "har ett telefonnummer som inte ser rätt ut"},
	} {
		p := validPlan()
		p.Draft.Content.Actions[0].Contact = tc.contact
		var got []Finding
		for _, f := range Validate(p, p.Draft, Options{Now: testNow}) {
			if f.Path == "content.actions[0].contact" {
				got = append(got, f)
			}
		}
		switch {
		case tc.want == "" && len(got) > 0:
			t.Errorf("%q: %+v, want no finding", tc.contact, got)
		case tc.want != "" && (len(got) != 1 || got[0].Severity != SevWarning || !strings.Contains(got[0].Message.SV, tc.want) || got[0].Message.EN == ""):
			t.Errorf("%q: %+v, want one warning saying %q", tc.contact, got, tc.want)
		}
	}
}
