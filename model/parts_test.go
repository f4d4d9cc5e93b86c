package model

import (
	"encoding/json"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"
)

// textField is one string field of a version found by reflection: its
// JSON path ("content.goals[].text") and where to set it.
type textField struct {
	path string
	set  func(string)
}

var stringType = reflect.TypeOf("")

// textFields walks v by reflection and returns every field of type string
// (named string types are enums, shown by their labels), filling slices
// with one row and pointers with a value on the way, so that every field
// has a place to hold a marker.
func walkTextFields(v reflect.Value, path string, out *[]textField) {
	switch v.Kind() {
	case reflect.Pointer:
		if v.IsNil() {
			v.Set(reflect.New(v.Type().Elem()))
		}
		walkTextFields(v.Elem(), path, out)
	case reflect.Slice:
		if v.Type().Elem() == stringType {
			*out = append(*out, textField{path + "[]", func(s string) { v.Set(reflect.ValueOf([]string{s})) }})
			return
		}
		if v.Len() == 0 {
			v.Set(reflect.MakeSlice(v.Type(), 1, 1))
		}
		walkTextFields(v.Index(0), path+"[]", out)
	case reflect.Struct:
		if v.Type() == reflect.TypeOf(time.Time{}) {
			return
		}
		for i := range v.NumField() {
			f := v.Type().Field(i)
			if !f.IsExported() {
				continue
			}
			name := strings.Split(f.Tag.Get("json"), ",")[0]
			if name == "-" {
				continue
			}
			if name == "" {
				name = f.Name
			}
			p := name
			if path != "" {
				p = path + "." + name
			}
			fv := v.Field(i)
			if fv.Type() == stringType {
				*out = append(*out, textField{p, func(s string) { fv.SetString(s) }})
				continue
			}
			walkTextFields(fv, p, out)
		}
	}
}

// notShown are the string fields of a version that are rightly absent from
// one of the three: each with the reason. A new text field is shown in all
// three, or added here with a reason a reviewer can judge.
var notShown = map[string]struct{ diff, document string }{
	// Each version is its own meeting: a new date, place, chair or
	// secretary is not a change of what was agreed.
	"meeting.date":      {diff: "the meeting's own"},
	"meeting.start":     {diff: "the meeting's own"},
	"meeting.place":     {diff: "the meeting's own"},
	"meeting.chair":     {diff: "the meeting's own"},
	"meeting.secretary": {diff: "the meeting's own"},
	// Ids are what rows are matched on; nobody reads them.
	"meeting.participants[].id":          {diff: "id", document: "id"},
	"content.goals[].id":                 {diff: "id", document: "id"},
	"content.actions[].id":               {diff: "id", document: "id"},
	"content.actions[].goal_ids[]":       {diff: "id", document: "id"},
	"content.actions[].goal_id":          {diff: "id", document: "id"},
	"content.coordinator.participant_id": {diff: "id", document: "id"},
	"copies.removed[]":                   {diff: "id", document: "id"},
	// Shown in place of the principal only when the principal is "other",
	// which this walk does not set.
	"meeting.participants[].other_party": {diff: "with principal other", document: "with principal other"},
	"content.actions[].other_party":      {diff: "with principal other", document: "with principal other"},
	// Attendance is redone at every meeting, so Diff leaves it out (see
	// Diff); the document prints it for the ones it concerns (an
	// interpreter's language, a present participant who left).
	"meeting.participants[].language":      {document: "for an interpreter"},
	"meeting.participants[].left.at":       {diff: "attendance", document: "for one present"},
	"meeting.participants[].left.note":     {diff: "attendance", document: "for one present"},
	"meeting.participants[].left.step":     {diff: "attendance", document: "for one present"},
	"meeting.participants[].left.planned":  {diff: "attendance", document: "kept while marked as gone, for when they come back"},
	"meeting.participants[].written_input": {diff: "attendance"},
	"meeting.participants[].presence_note": {diff: "attendance"},
	// The subjects not to raise are the chair's private cue: never on
	// paper, never in the list of changes (issue 18).
	"consent.not_raise[]": {diff: "private", document: "private"},
	// A guardian's consent date is kept for the record; the plan prints
	// the consent's own date.
	"consent.guardians[].date": {diff: "record", document: "record"},
	// Printed only with "no follow-up", which this walk does not set.
	"content.follow_up.none_reason":  {document: "with none"},
	"content.follow_up.mandate_ends": {document: "with none"},
	// The review's decision is a word from a fixed list, printed by its
	// label; its text only with the decision to close.
	"review.decision":   {diff: "review", document: "a label"},
	"review.close_text": {diff: "review", document: "with close"},
	// Who gets a copy is the secretary's list for printing, not part of
	// what was agreed.
	"copies.added[].name": {diff: "the copy list"},
	"copies.added[].unit": {diff: "the copy list"},
	// How the meeting felt is kept in the record but never printed: it is
	// not plan content, and everyone signs the plan.
	"content.evaluation": {document: "not plan content"},
	// The follow-up prints what its state says (booked, to book by, none),
	// and this walk sets no state.
	"content.follow_up.date":      {document: "by state"},
	"content.follow_up.time":      {document: "by state"},
	"content.follow_up.place":     {document: "by state"},
	"content.follow_up.attendees": {document: "by state"},
	"content.follow_up.called_by": {document: "by state"},
	"content.follow_up.book_by":   {document: "by state"},
	"content.follow_up.why_later": {document: "by state"},
	"content.follow_up.what":      {document: "by state"},
	// Noticed by this test when the law issue added them, and left to it:
	// the handover and a widened consent's units are not in the list of
	// changes yet.
	"content.handover_by":       {diff: "not yet"},
	"content.handover_when":     {diff: "not yet"},
	"consent.widened[].units[]": {diff: "not yet"},
	"consent.widened[].by":      {diff: "not yet"},
	"consent.widened[].view":    {diff: "not yet"},
	// Noticed by this test and left to the issue on people and roles: an
	// action's contact is neither printed nor compared.
	"content.actions[].contact": {diff: "not yet", document: "not yet"},
	// Goal numbers typed that name no goal are not plan content: they are
	// a finding until fixed, and only the goals that exist are shown.
	"content.actions[].goals_typed": {diff: "a finding until fixed", document: "a finding until fixed"},
	// The booked time kept to undo a false start is not plan content: the
	// plan's own date and time are, and they are shown.
	"meeting.booked.date":  {diff: "kept to undo a start", document: "kept to undo a start"},
	"meeting.booked.start": {diff: "kept to undo a start", document: "kept to undo a start"},
}

// TestEveryTextFieldIsShown fills every text field of a version with its
// own marker and looks for each in the list of changes (sipmote diff), the
// printed document and the JSON export, so that a field added to the plan
// cannot be forgotten in one of them.
func TestEveryTextFieldIsShown(t *testing.T) {
	now := time.Date(2026, 11, 25, 13, 0, 0, 0, time.UTC)
	p := NewPlan(Person{Name: "Maja Lind"}, now)
	v := p.Draft
	var fields []textField
	walkTextFields(reflect.ValueOf(v).Elem(), "", &fields)
	if len(fields) < 20 {
		t.Fatalf("the walk found only %d text fields", len(fields))
	}
	for i, f := range fields {
		f.set(fmt.Sprintf("zq%03dq", i))
	}
	var diff strings.Builder
	for _, c := range Diff(nil, v) {
		diff.WriteString(c.Label + "\n")
		for _, fc := range c.Fields {
			diff.WriteString(fc.Old + "\n" + fc.New + "\n")
		}
	}
	doc, err := json.Marshal(BuildDocument(p, v, Swedish))
	if err != nil {
		t.Fatal(err)
	}
	export, err := EncodeExport(p)
	if err != nil {
		t.Fatal(err)
	}
	for i, f := range fields {
		mark := fmt.Sprintf("zq%03dq", i)
		ex, listed := notShown[f.path]
		if !strings.Contains(diff.String(), mark) && !(listed && ex.diff != "") {
			t.Errorf("%s is missing from the list of changes (model.Diff)", f.path)
		}
		if !strings.Contains(string(doc), mark) && !(listed && ex.document != "") {
			t.Errorf("%s is missing from the printed document (model.BuildDocument)", f.path)
		}
		if !strings.Contains(string(export), mark) {
			t.Errorf("%s is missing from the JSON export", f.path)
		}
	}
}
