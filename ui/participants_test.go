package ui

import (
	"testing"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/ui/screens/meeting"
)

func TestParseQuickParticipant(t *testing.T) {
	tests := []struct {
		line string
		ok   bool
		want model.Participant
	}{
		{"", false, model.Participant{}},
		{" , video", false, model.Participant{}},
		{"Per Wall, Geriatriken, region, video", true, model.Participant{Name: "Per Wall", Role: model.RoleStaff,
			Unit: "Geriatriken", Principal: model.PrincipalRegion, Attendance: model.AttendVideo}},
		{"Aino Virtanen, tolk finska", true, model.Participant{Name: "Aino Virtanen", Role: model.RoleInterpreter,
			Language: "finska", Attendance: model.AttendRoom}},
		{"Olle Lind, närstående, telefon, son", true, model.Participant{Name: "Olle Lind", Role: model.RoleRelative,
			Attendance: model.AttendPhone, Title: "son"}},
		{"Gun Berg, God man", true, model.Participant{Name: "Gun Berg", Role: model.RoleTrustee,
			TrusteeKind: model.TrusteeGodMan, Attendance: model.AttendRoom}},
		{"Lena Sund, Försäkringskassan, frånvarande, handläggare", true, model.Participant{Name: "Lena Sund",
			Role: model.RolePartyStaff, Principal: model.PrincipalOther, OtherParty: "Försäkringskassan", Title: "handläggare"}},
		{"Anna, vårdnadshavare", true, model.Participant{Name: "Anna", Role: model.RoleGuardian, Attendance: model.AttendRoom}},
	}
	for _, tt := range tests {
		got, ok := meeting.ParseQuickParticipant(tt.line, model.FormRoom)
		if ok != tt.ok {
			t.Errorf("%q: ok %t", tt.line, ok)
			continue
		}
		if !ok {
			continue
		}
		if got.Name != tt.want.Name || got.Role != tt.want.Role || got.Unit != tt.want.Unit || got.Principal != tt.want.Principal ||
			got.OtherParty != tt.want.OtherParty || got.Language != tt.want.Language || got.TrusteeKind != tt.want.TrusteeKind ||
			got.Attendance != tt.want.Attendance || got.Title != tt.want.Title {
			t.Errorf("%q:\n got %+v\nwant %+v", tt.line, got, tt.want)
		}
	}
	// A video meeting: present means by video unless said otherwise.
	if p, _ := meeting.ParseQuickParticipant("Eva", model.FormVideo); p.Attendance != model.AttendVideo {
		t.Errorf("video meeting: %q", p.Attendance)
	}
}
