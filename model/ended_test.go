package model

import "testing"

func TestClosureEnded(t *testing.T) {
	tests := []struct {
		c    Closure
		l    Lang
		want string
	}{
		{Closure{Reason: CloseConsentGone, Date: "2027-03-15", Text: "ringde och sa nej"}, Swedish, "Planen avslutades 2027-03-15: samtycket togs tillbaka."},
		{Closure{Reason: CloseGoalsMet, Date: "2027-03-15"}, English, "The plan ended on 2027-03-15: the goals were met."},
		{Closure{Reason: CloseOther, Date: "2027-03-15", Text: "Ny plan i annan region."}, Swedish, "Planen avslutades 2027-03-15: Ny plan i annan region."},
	}
	for _, tt := range tests {
		if got := tt.c.Ended(tt.l); got != tt.want {
			t.Errorf("Ended = %q, want %q", got, tt.want)
		}
	}
}

func TestNextMeeting(t *testing.T) {
	tests := []struct {
		f    FollowUp
		l    Lang
		want string
	}{
		{FollowUp{State: FollowUpLater, BookBy: "2027-02-28"}, Swedish, "Nästa möte: bokas senast 28 februari 2027 av samordnaren"},
		{FollowUp{State: FollowUpLater, BookBy: "2027-02-28"}, English, "Next meeting: to be booked by 28 February 2027 by the coordinator"},
		{FollowUp{State: FollowUpBooked, Date: "2027-03-10", Time: "10:00"}, Swedish, "Nästa möte: 2027-03-10 10:00"},
		{FollowUp{State: FollowUpNone, NoneReason: "målen är nådda"}, Swedish, "Nästa möte: ingen uppföljning är planerad (målen är nådda)"},
		{FollowUp{}, Swedish, ""},
	}
	for _, tt := range tests {
		v := &Version{Content: Content{FollowUp: tt.f}}
		if got := v.NextMeeting(tt.l); got != tt.want {
			t.Errorf("NextMeeting(%+v) = %q, want %q", tt.f, got, tt.want)
		}
	}
}

// TestDueBookBy: a follow-up to be booked is due by its date, and a plan's
// list line carries it.
func TestDueBookBy(t *testing.T) {
	p := Demo(dueNow)
	p.Draft = nil
	p.Versions[0].Content.FollowUp = FollowUp{State: FollowUpLater, BookBy: "2026-11-28", WhyLater: "beslut väntas", MandateEnds: "2027-01-31"}
	s := p.Summarise()
	if s.BookBy() != "2026-11-28" || s.FollowUpCell(Swedish) != "bokas senast 2026-11-28" {
		t.Fatalf("summary: %q %q", s.BookBy(), s.FollowUpCell(Swedish))
	}
	var got *DueItem
	for _, d := range Due([]Summary{s}, dueNow, 0) {
		if d.Kind == DueBookBy {
			got = &d
		}
	}
	if got == nil || got.Days != 2 || got.Describe(Swedish) != "uppföljningen ska bokas senast om 2 dagar (2026-11-28)" {
		t.Fatalf("due: %+v", got)
	}
	got.Days = -1
	if d := got.Describe(Swedish); d != "uppföljningen skulle ha bokats för 1 dag sedan (2026-11-28); boka den och kalla" {
		t.Errorf("overdue: %q", d)
	}
	if err := p.Close(Closure{Reason: CloseGoalsMet}, dueNow); err != nil {
		t.Fatal(err)
	}
	if s := p.Summarise(); s.BookBy() != "" || len(Due([]Summary{s}, dueNow, 0)) != 0 {
		t.Error("a closed plan still has a follow-up to book")
	}
}

// TestDemoVersionsPassFinalising: every finalised version of the sample
// plans passes the rules that finalising, and so import, use.
func TestDemoVersionsPassFinalising(t *testing.T) {
	for _, p := range DemoPlans(dueNow) {
		if probs, first := CheckFinalised(p); len(probs) > 0 {
			t.Errorf("%s: version %d: %+v", p.Person.Name, first+1, probs)
		}
	}
}

// TestOwnViewHowHeading: how the person's view was found out is said of
// the person on an adult's plan and of the child on a child's.
func TestOwnViewHowHeading(t *testing.T) {
	ct := Content{OwnWords: "Jag vill bo kvar.", OwnViewHow: "Samtal hemma"}
	for _, tt := range []struct {
		child bool
		want  string
	}{
		{false, "Så fick vi veta vad personen tycker"},
		{true, "Så fick vi veta vad barnet tycker"},
	} {
		bs := ownWords(Swedish, ct, tt.child)
		kv := bs[len(bs)-1].Pairs[0]
		if kv.Key != tt.want || kv.Value != "Samtal hemma" {
			t.Errorf("child %v: %+v", tt.child, kv)
		}
	}
}
