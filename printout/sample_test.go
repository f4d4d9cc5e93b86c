package printout

import (
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/sipmote/sipmote/model"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata/printout")

// needTool skips a test that needs an outside program, except on CI, where
// a missing tool must fail the build rather than hide a broken print.
func needTool(t testing.TB, name string) string {
	t.Helper()
	p, err := exec.LookPath(name)
	if err != nil {
		pkg := "poppler-utils"
		if name == "qpdf" {
			pkg = "qpdf"
		}
		if os.Getenv("CI") != "" {
			t.Fatalf("%s is not installed (apt-get install %s)", name, pkg)
		}
		t.Skipf("%s is not installed (apt-get install %s)", name, pkg)
	}
	return p
}

// goldenDir is the repository's testdata/printout.
func goldenDir() string { return filepath.Join("..", "testdata", "printout") }

// notRaised is the subject Maja does not want raised. It must appear in
// no output at all.
const notRaised = "hennes tidigare partner"

// samplePlan is the first rehearsal meeting (shared/domain/rehearsal.md):
// Maja Lind's first SIP, with fictional people and numbers.
func samplePlan() *model.Plan {
	fin := time.Date(2026, 11, 30, 14, 35, 0, 0, time.UTC)
	pt := func(id, name string, role model.Role, unit string, pr model.Principal, other, title, phone, email string, present bool) model.Participant {
		return model.Participant{ID: id, Name: name, Role: role, Unit: unit, Principal: pr, OtherParty: other,
			Title: title, Phone: phone, Email: email, Invited: true, Confirmed: true, Attendance: attend(present)}
	}
	v := model.Version{
		Number:      1,
		FinalisedAt: &fin,
		Meeting: model.Meeting{
			Date: "2026-11-30", Start: "13:00", Minutes: 90,
			Place: "Mötesrummet på psykiatrimottagningen", Form: model.FormRoom,
			Chair: "Karin Holm", Secretary: "Ali Rahimi",
			Participants: []model.Participant{
				pt("p-maja", "Maja Lind", model.RolePerson, "", "", "", "", "", "", true),
				pt("p-eva", "Eva Lind", model.RoleRelative, "", "", "", "mamma", "", "", true),
				pt("p-sara", "Sara Ek", model.RoleSupport, "Brukarföreningen", "", "", "", "", "", true),
				pt("p-ali", "Ali Rahimi", model.RoleStaff, "Psykiatriska öppenvårdsmottagningen", model.PrincipalRegion, "",
					"sjuksköterska", "070-174 06 12", "ali.rahimi@example.org", true),
				pt("p-karin", "Karin Holm", model.RoleStaff, "Beroendeenheten", model.PrincipalKommun, "",
					"socialsekreterare", "", "karin.holm@example.org", true),
				pt("p-jonas", "Jonas Berg", model.RoleStaff, "Vårdcentralen Norr", model.PrincipalRegion, "",
					"läkare", "", "jonas.berg@example.org", true),
				pt("p-lena", "Lena Sund", model.RolePartyStaff, "Försäkringskassan", model.PrincipalOther, "Försäkringskassan",
					"handläggare", "", "lena.sund@example.org", false),
				pt("p-aino", "Aino Virtanen", model.RoleInterpreter, "", "", "", "", "", "", true),
			},
		},
		Consent: model.Consent{
			Given: true, Form: "written", Date: "2026-11-02", ValidUntil: "2027-11-01",
			Actors:   []string{"Psykiatriska öppenvårdsmottagningen", "Beroendeenheten", "Vårdcentralen Norr", "Försäkringskassan"},
			NotRaise: []string{notRaised},
		},
		Content: model.Content{
			OwnWords:  "Jag vill ha ett eget boende, och klara av att jobba några timmar.",
			Situation: "Maja sover dåligt och dricker de flesta helger. Hon har en god relation till sin mamma.\nDet som fungerar: det veckovisa samtalet med Ali.",
			Needs:     "Stöd för att hitta och klara ett eget boende, hjälp att minska alkoholen och en väg tillbaka till arbete.",
			Goals: []model.Goal{
				{ID: "g1", Text: "Eget boende inom ett år."},
				{ID: "g2", Text: "Ingen alkohol på vardagar."},
				{ID: "g3", Text: "Tillbaka i arbete på 25 % till sommaren."},
			},
			Actions: []model.Action{
				{ID: "a1", What: "Boendestöd", Unit: "Beroendeenheten", Responsible: "Karin Holm", Principal: model.PrincipalKommun,
					When: "utredning startad, beslut senast 2026-12-20", Status: model.ActionAwaiting, GoalIDs: []string{"g1"}},
				{ID: "a2", What: "Läkemedelsgenomgång och kontroll av litiumvärden", Unit: "Vårdcentralen Norr", Responsible: "Jonas Berg",
					Principal: model.PrincipalRegion, When: "2026-12-10", Status: model.ActionPlanned, GoalIDs: []string{"g2"}},
				{ID: "a3", What: "Stödsamtal varje vecka", Unit: "Psykiatriska öppenvårdsmottagningen", Responsible: "Ali Rahimi",
					Principal: model.PrincipalRegion, When: "varje tisdag", Status: model.ActionOngoing, GoalIDs: []string{"g2"}},
				{ID: "a4", What: "Behandlingsgrupp för alkohol", Unit: "Beroendeenheten", Responsible: "Karin Holm",
					Principal: model.PrincipalKommun, When: "från 2027-01-08, varje vecka", Status: model.ActionPlanned, GoalIDs: []string{"g2"}},
				{ID: "a5", What: "Avstämningsmöte om arbete", Unit: "Försäkringskassan", Responsible: "Lena Sund",
					Principal: model.PrincipalOther, OtherParty: "Försäkringskassan", When: "februari 2027", Status: model.ActionPlanned, GoalIDs: []string{"g3"}},
			},
			NotAgreed:     "Om mottagningen får berätta för Eva när Maja uteblir från besök. Maja vill tänka på saken.",
			ConsiderUntil: "2026-12-14",
			Coordinator:   model.Coordinator{ParticipantID: "p-ali"},
			FollowUp: model.FollowUp{State: model.FollowUpBooked, What: "Målen och insatserna", Date: "2027-03-10", Time: "10:00", Place: "Psykiatriska öppenvårdsmottagningen",
				Attendees: "alla enheter", CalledBy: "p-ali"},
			Evaluation: "Maja tyckte att mötet var lugnt och att hon blev lyssnad på. Hon tackade ja till SIP-kollen.",
		},
	}
	// The meeting of people as they come: the doctor on video, who left
	// early; the interpreter; Lena absent, with written input.
	ps := v.Meeting.Participants
	ps[5].Attendance, ps[5].Left = model.AttendVideo, &model.Leaving{At: "13:45"}
	ps[6].WrittenInput = "Jag kan inte komma men bokar ett avstämningsmöte i februari."
	ps[7].Language = "finska"
	return &model.Plan{
		ID:       "0b6c1f0e-5a7d-4c1e-9f3a-2d8e7b6a1c90",
		Person:   model.Person{Name: "Maja Lind", PNR: "19890412-3455"},
		Status:   model.StatusActive,
		Variant:  model.AgeAdult,
		Versions: []model.Version{v},
	}
}

// sampleDoc is the sample plan's document in l.
func sampleDoc(l model.Lang) model.Document {
	p := samplePlan()
	return model.BuildDocument(p, &p.Versions[0], l)
}

// attend is in the room when present, else absent.
func attend(present bool) model.Attendance {
	if present {
		return model.AttendRoom
	}
	return model.AttendAbsent
}
