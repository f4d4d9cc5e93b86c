package model

import (
	"strconv"
	"strings"
	"time"
)

// EasyReadPhrases are the ids of the fixed words the easy-read page needs
// (checklists/defaults/easyread.ini). A language can be used for the page
// only when it has every one of them.
var EasyReadPhrases = []string{
	"title", "met", "own_words", "goals", "who", "when", "call",
	"coordinator", "ring", "phone", "no_coordinator", "next", "next_date",
	"next_time", "next_place", "next_later", "no_next", "date", "months", "page",
	"ask", "write", "starts", "due", "done",
	"ended_heading", "ended", "ended_goals_met", "ended_no_need", "ended_consent",
	"ended_moved", "ended_other", "ended_shared", "ended_help",
}

// EasyFitActions is how many actions the easy-read page holds on its one
// page. With more, whom to call and the next meeting come first, so that
// what the person looks for most is never on a second sheet.
const EasyFitActions = 8

// ValidLanguageCode accepts a language code of two or three letters a–z
// (sv, fi, smj), as in ISO 639.
func ValidLanguageCode(s string) bool {
	if len(s) < 2 || len(s) > 3 {
		return false
	}
	for _, r := range s {
		if r < 'a' || r > 'z' {
			return false
		}
	}
	return true
}

// EasyWords are the fixed words of the easy-read page in one language,
// by phrase id. Words in braces ({name}, {date}) are filled in.
type EasyWords struct {
	Lang    string
	Phrases map[string]string
}

// Say is phrase id with its blanks filled: Say("next_date", "date", d).
func (w EasyWords) Say(id string, kv ...string) string {
	s := w.Phrases[id]
	for i := 0; i+1 < len(kv); i += 2 {
		s = strings.ReplaceAll(s, "{"+kv[i]+"}", kv[i+1])
	}
	return s
}

// Date writes a date as easy-read text wants it, with the month as a word
// ("22 augusti 2026"); a date that is not YYYY-MM-DD is shown as typed.
func (w EasyWords) Date(s string) string {
	t, err := time.Parse(DateLayout, strings.TrimSpace(s))
	if err != nil {
		return strings.TrimSpace(s)
	}
	months := strings.Split(w.Phrases["months"], ",")
	month := strconv.Itoa(int(t.Month()))
	if len(months) == 12 {
		month = strings.TrimSpace(months[t.Month()-1])
	}
	return w.Say("date", "day", strconv.Itoa(t.Day()), "month", month, "year", strconv.Itoa(t.Year()))
}

// EasyRead is the easy-read first page of the person's original ("Min
// plan"): what matters to the person, the goals, who does what and when,
// whom to call and the next meeting, in short lines. Only what the plan
// holds is on it: an empty part is left out.
type EasyRead struct {
	Lang  string
	Title string
	// Lines under the title: the person's name, the meeting date.
	Intro []string
	Parts []EasyPart
	// Page numbers the page: "Sida {page} av {pages}".
	Page string
	// ToChild, on a child's plan, is the line that gives the child's own
	// copy its page: "Den här sidan är till dig, Elias." (the optional
	// phrase to_child). See ForChild.
	ToChild string
	// Ended is set when the page is the letter that says the plan has
	// ended: all it holds is the closure and whom to contact, so it may
	// go out also when the plan's content may not.
	Ended bool
}

// ForChild is the page as printed on the child's own copy: written to the
// child, their name first. Without the phrase in the page's language it
// is the page as it is.
func (e EasyRead) ForChild() EasyRead {
	if e.ToChild == "" {
		return e
	}
	e.Intro = append([]string{e.ToChild}, e.Intro...)
	return e
}

// EasyPart is one heading of the page and its lines.
type EasyPart struct {
	Heading string
	// Text is the person's own words, as written.
	Text string
	// Items are numbered (goals) or not (who does what).
	Items    []EasyItem
	Numbered bool
	// Lines are short sentences, one to a line.
	Lines []string
	// Side marks a short part set beside the next Side part on paper
	// (whom to call, the next meeting).
	Side bool
}

// EasyItem is one goal, or one person and what they do: Lead is set in
// bold, each of Lines on a line of its own. An empty line parts two
// actions of the same person.
type EasyItem struct {
	Lead  string
	Lines []string
}

// BuildEasyRead lays version v of plan p out as the easy-read page, in the
// words w. A nil v means the version the screen shows. A closed plan gets
// a short letter instead: the plan has ended, why, and whom to contact.
//
// The page speaks as the person ("Mina mål", "Jag kan ringa …"). Names are
// given rather than titles: the person knows Karin, not "the social
// secretary". An action with nobody named is listed under its unit.
//
// now is when the page is made: a draft whose meeting is on a later day,
// not yet begun, says the meeting "is" then (a zero now: "was").
func BuildEasyRead(p *Plan, v *Version, w EasyWords, now time.Time) EasyRead {
	p, v = shown(p, v)
	e := EasyRead{Lang: w.Lang, Title: w.Say("title"), Page: w.Say("page")}
	if name := strings.TrimSpace(p.Person.Name); name != "" {
		e.Intro = append(e.Intro, name)
		if p.Variant == AgeChild && w.Phrases["to_child"] != "" {
			e.ToChild = w.Say("to_child", "name", strings.Fields(name)[0])
		}
	}
	if p.Status == StatusClosed && p.Closure != nil {
		return easyEnded(e, p, w)
	}
	if d := strings.TrimSpace(v.Meeting.Date); d != "" {
		// A draft printed before its meeting's day (to read through
		// beforehand) says when the meeting is, not that it was. "meets"
		// is optional: a language without it says "met".
		met := "met"
		if !now.IsZero() && d > now.Format(DateLayout) && v.FinalisedAt == nil && v.Meeting.StartedAt == nil && w.Phrases["meets"] != "" {
			met = "meets"
		}
		e.Intro = append(e.Intro, w.Say(met, "date", w.Date(d)))
	}
	ct := v.Content
	var parts []EasyPart
	if t := strings.TrimSpace(ct.OwnWords); t != "" {
		parts = append(parts, EasyPart{Heading: w.Say("own_words"), Text: t})
	}
	var goals []EasyItem
	for _, g := range ct.Goals {
		if t := strings.TrimSpace(g.Text); t != "" {
			goals = append(goals, EasyItem{Lead: t})
		}
	}
	if len(goals) > 0 {
		parts = append(parts, EasyPart{Heading: w.Say("goals"), Items: goals, Numbered: true})
	}
	who, actions := easyWho(v, w)
	if len(who) > 0 {
		parts = append(parts, EasyPart{Heading: w.Say("who"), Items: who})
	}
	call := EasyPart{Heading: w.Say("call"), Side: true}
	if pt := v.CoordinatorParticipant(); pt != nil && strings.TrimSpace(pt.Name) != "" {
		call.Lines = append([]string{w.Say("coordinator", "name", strings.TrimSpace(pt.Name))}, w.reach(*pt)...)
	} else {
		call.Lines = []string{w.Say("no_coordinator")}
	}
	next := EasyPart{Heading: w.Say("next"), Side: true}
	f := ct.FollowUp
	switch {
	case f.Booked() && strings.TrimSpace(f.Date) != "":
		next.Lines = append(next.Lines, w.Say("next_date", "date", w.Date(f.Date)))
		if t := strings.TrimSpace(f.Time); t != "" {
			next.Lines = append(next.Lines, w.Say("next_time", "time", t))
		}
		if pl := strings.TrimSpace(f.Place); pl != "" {
			next.Lines = append(next.Lines, w.Say("next_place", "place", pl))
		}
	case f.State == FollowUpLater && CheckDate(f.BookBy) == nil && f.BookBy != "":
		// Booked later is not "no meeting".
		next.Lines = []string{w.Say("next_later", "date", w.Date(f.BookBy))}
	default:
		next.Lines = []string{w.Say("no_next")}
	}
	if actions > EasyFitActions {
		e.Parts = append([]EasyPart{call, next}, parts...)
	} else {
		e.Parts = append(parts, call, next)
	}
	return e
}

// easyWho is who does what: one entry per person, in the order they first
// come, with each of their actions, its time and whether it is done under
// their name; and how many actions that is. A cancelled action is left
// out: it is not going to happen.
func easyWho(v *Version, w EasyWords) ([]EasyItem, int) {
	var who []EasyItem
	at := map[string]int{}
	n := 0
	for _, a := range v.Content.Actions {
		what := strings.TrimSpace(a.What)
		if what == "" || a.Status == ActionCancelled {
			continue
		}
		n++
		lead := strings.TrimSpace(a.Responsible)
		if pt := v.Participant(lead); pt != nil && lead != "" {
			lead = pt.Name
		}
		if lead == "" {
			lead = strings.TrimSpace(a.Unit)
		}
		if lead == "" && a.Principal == PrincipalOther {
			lead = strings.TrimSpace(a.OtherParty) // "kommun" alone says nothing
		}
		var lines []string
		if lead == "" {
			lead = what // nobody named: the action leads
		} else {
			lines = append(lines, what)
		}
		switch {
		case a.Status == ActionDone:
			lines = append(lines, w.Say("done"))
		case strings.TrimSpace(a.When) != "":
			lines = append(lines, w.Say("when", "time", strings.TrimSpace(a.When)))
		default:
			// A date typed wrong in a draft ("2027-01-015") is left off
			// the person's page: the plan's own pages print and mark it.
			if d := strings.TrimSpace(a.Start); d != "" && CheckDate(d) == nil {
				lines = append(lines, w.Say("starts", "date", w.Date(d)))
			}
			if d := strings.TrimSpace(a.Due); d != "" && CheckDate(d) == nil {
				lines = append(lines, w.Say("due", "date", w.Date(d)))
			}
		}
		key := strings.ToLower(strings.Join(strings.Fields(lead), " "))
		if i, ok := at[key]; ok && lead != what {
			who[i].Lines = append(append(who[i].Lines, ""), lines...)
			continue
		}
		at[key] = len(who)
		who = append(who, EasyItem{Lead: lead, Lines: lines})
	}
	return who, n
}

// reach is how the person gets hold of pt: call, with the number; with
// only an e-mail address, write; with neither, ask.
func (w EasyWords) reach(pt Participant) []string {
	name := strings.TrimSpace(pt.Name)
	phone, mail := strings.TrimSpace(pt.Phone), strings.TrimSpace(pt.Email)
	switch {
	case phone != "":
		return []string{w.Say("ring", "name", name), w.Say("phone", "phone", phone)}
	case mail != "":
		return []string{w.Say("write", "name", name, "email", mail)}
	}
	return []string{w.Say("ask", "name", name)}
}

// easyEnded is the page of a closed plan: a short letter that the plan has
// ended, why in plain words, and whom to contact now. Nothing of what the
// plan said is on it, so that it is the same whatever the reason.
func easyEnded(e EasyRead, p *Plan, w EasyWords) EasyRead {
	c := p.Closure
	e.Ended = true
	ended := EasyPart{Heading: w.Say("ended_heading")}
	ended.Lines = append(ended.Lines, w.Say("ended", "date", w.Date(c.Date)))
	switch c.Reason {
	case CloseGoalsMet:
		ended.Lines = append(ended.Lines, w.Say("ended_goals_met"))
	case CloseNoNeed:
		ended.Lines = append(ended.Lines, w.Say("ended_no_need"))
	case CloseConsentGone:
		ended.Lines = append(ended.Lines, w.Say("ended_consent"), w.Say("ended_shared"))
	case CloseMoved:
		ended.Lines = append(ended.Lines, w.Say("ended_moved"))
	default:
		if t := strings.TrimSpace(c.Text); t != "" {
			ended.Lines = append(ended.Lines, w.Say("ended_other", "reason", t))
		}
	}
	e.Parts = []EasyPart{ended}
	call := EasyPart{Heading: w.Say("call")}
	if v := p.Latest(); v != nil {
		if pt := v.CoordinatorParticipant(); pt != nil && strings.TrimSpace(pt.Name) != "" {
			call.Lines = w.reach(*pt)
		}
	}
	call.Lines = append(call.Lines, w.Say("ended_help"))
	e.Parts = append(e.Parts, call)
	return e
}
