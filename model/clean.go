package model

import (
	"reflect"

	"github.com/sipmote/sipmote/termsafe"
)

// CleanText removes control characters and terminal escape sequences from
// every piece of text in p (newlines and tabs stay). Text that comes from
// outside, an imported file or a name given on the command line, passes
// through it before it is stored, so that no screen, printout or calendar
// ever carries a sequence a terminal would act on. Output is cleaned as
// well; this keeps the stored plan clean for every reader to come.
//
// It walks the plan by reflection so that a text field added later is
// cleaned without anyone remembering to list it.
func CleanText(p *Plan) {
	if p != nil {
		cleanValue(reflect.ValueOf(p).Elem())
	}
}

func cleanValue(v reflect.Value) {
	switch v.Kind() {
	case reflect.String:
		if v.CanSet() {
			// Format controls stay: a right-to-left name may need its
			// marks, and every terminal output drops them (termsafe).
			if s := v.String(); termsafe.Controls(s) != s {
				v.SetString(termsafe.Controls(s))
			}
		}
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			cleanValue(v.Elem())
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				cleanValue(v.Field(i))
			}
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			cleanValue(v.Index(i))
		}
	case reflect.Map:
		if v.IsNil() {
			return
		}
		iter := v.MapRange()
		type kv struct{ k, v reflect.Value }
		var changes []kv
		for iter.Next() {
			val := reflect.New(iter.Value().Type()).Elem()
			val.Set(iter.Value())
			cleanValue(val)
			changes = append(changes, kv{iter.Key(), val})
		}
		for _, c := range changes {
			v.SetMapIndex(c.k, c.v)
		}
	}
}
