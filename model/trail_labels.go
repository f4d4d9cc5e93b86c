package model

import "fmt"

// TrailNotWritten is the section of a second export or print event, when
// writing the file failed after the first was recorded: the trail then
// says that nothing came of it.
const TrailNotWritten = "not_written"

// TrailPNR is the section of a change event for a changed personnummer.
const TrailPNR = "person.pnr"

// TrailLabel names a kind of access-trail event for people, in l. where is
// the event's section: the part of the plan changed, or where it was
// shown. Unknown kinds are shown as they are, so that an event written by
// a newer sipmote is still listed.
func TrailLabel(l Lang, kind, where string) string {
	var sv, en string
	switch kind {
	case "created":
		sv, en = "skapad", "created"
	case "imported":
		sv, en = "inläst från fil", "imported from a file"
	case "opened":
		sv, en = "öppnad", "opened"
	case "changed":
		sv, en = "ändrad", "changed"
	case "finalised":
		sv, en = "fastställd", "finalised"
	case "printed":
		sv, en = "utskriven", "printed"
	case "exported":
		sv, en = "exporterad", "exported"
	case "closed":
		sv, en = "avslutad", "closed"
	case "viewed":
		sv, en = "visad", "shown"
	case "listed":
		sv, en = "listan visad", "list shown"
	case "rescued":
		sv, en = "räddad till ny fil", "rescued to a new file"
	case "encrypted":
		sv, en = "krypterad", "encrypted"
	case "upgraded":
		sv, en = "uppgraderad", "upgraded"
	case "joined":
		sv, en = "delad skärm ansluten", "shared screen joined"
	case "left":
		sv, en = "delad skärm frånkopplad", "shared screen left"
	case "refused":
		sv, en = "fel kod till delat möte", "wrong code for the shared meeting"
	case "recovery":
		sv, en = "återställningsfil", "recovery file"
	case "sealed":
		sv, en = "förseglad för överlämning", "sealed for hand-over"
	case "backup":
		sv, en = "säkerhetskopierad", "backed up"
	case "restored":
		sv, en = "återskapad från säkerhetskopia", "restored from a backup"
	case "deleted":
		sv, en = "borttagen (utkast som aldrig fastställdes)", "removed (a draft never finalised)"
	default:
		return kind
	}
	if where != "" {
		w := where
		switch where {
		case "diff":
			w = T(l, "skillnader", "differences")
		case "due":
			w = T(l, "att åtgärda", "due")
		case "trail":
			w = T(l, "åtkomstloggen", "access trail")
		case "preview":
			w = T(l, "förhandsvisning", "preview")
		case "copies":
			w = T(l, "kopielistan", "copy list")
		case "home":
			w = T(l, "hemskärmen", "home screen")
		case "demo":
			w = T(l, "sipmote demo", "sipmote demo")
		case "list":
			w = T(l, "sipmote list", "sipmote list")
		case "chair":
			w = T(l, "mötesledarens vy", "the chair's view")
		case "room":
			w = T(l, "rummets vy", "the room's view")
		case "user":
			w = T(l, "okänt användarnamn", "unknown user name")
		case "recovery":
			w = T(l, "återställningsfil", "recovery file")
		case "written":
			w = T(l, "skriven, databasen tog inte emot planen", "written, the database would not take the plan")
		case "restored":
			w = T(l, "lagd tillbaka i databasen", "put back in the database")
		case "discarded":
			w = T(l, "kastad", "thrown away")
		case "sealed":
			w = T(l, "förseglad fil", "sealed file")
		case "age":
			w = T(l, "age-fil, osignerad", "age file, unsigned")
		case "findings":
			w = T(l, "brister", "findings")
		case "same_person":
			w = T(l, "samma personnummer i en ny plan", "same personal identity number in a new plan")
		case "summons":
			w = T(l, "kallelselistan", "summons list")
		case "closure.tell":
			w = T(l, "vilka som meddelats om avslutet", "who was told of the closure")
		case "migrate":
			w = T(l, "flyttad med sipmote migrate", "moved with sipmote migrate")
		case TrailPNR:
			w = T(l, "personnummer", "personnummer")
		case TrailNotWritten:
			w = T(l, "misslyckades, inget skrevs", "failed, nothing was written")
		case "socket":
			w = T(l, "medan ett möte pågick", "while a meeting was open")
		case SectionReview:
			w = T(l, "Resultat sedan förra mötet", "Results since the last meeting")
		default:
			// A changed section is named as the screen names it, not by
			// its id (own_words, follow_up).
			if IsSection(where) {
				w = SectionLabel(where, l)
			}
		}
		return T(l, sv, en) + " (" + w + ")"
	}
	return T(l, sv, en)
}

// TrailWhat is an event's label with its count, as lists of the trail
// show it: how many plans a list showed, how many wrong codes a device
// gave.
func TrailWhat(l Lang, kind, where string, count int) string {
	s := TrailLabel(l, kind, where)
	if count <= 0 {
		return s
	}
	if kind == "refused" {
		if count == 1 {
			return s + T(l, ", 1 försök", ", 1 try")
		}
		return s + fmt.Sprintf(T(l, ", %d försök", ", %d tries"), count)
	}
	return s + fmt.Sprintf(T(l, ", %d planer", ", %d plans"), count)
}
