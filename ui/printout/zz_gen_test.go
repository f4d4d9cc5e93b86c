package printout

import (
	"os"
	"strings"
	"testing"

	"github.com/sipmote/sipmote/model"
)

func TestGenSample(t *testing.T) {
	w := func(name string, d model.Document, o PDFOptions) {
		b, err := PDF(d, o)
		if err != nil {
			t.Fatal(err)
		}
		os.WriteFile("/tmp/pdf/"+name+".pdf", b, 0o600)
	}
	os.MkdirAll("/tmp/pdf", 0o755)
	w("sv", sampleDoc(model.Swedish), PDFOptions{Copies: 1})
	w("en", sampleDoc(model.English), one(model.English))
	p := manyActions(60)
	w("many", model.BuildDocument(p, &p.Versions[0], model.Swedish), one(model.Swedish))
	w("ten", tenPages(), one(model.Swedish))
	w("empty", model.BuildDocument(nil, nil, model.Swedish), one(model.Swedish))
	p = samplePlan()
	long := strings.Repeat("Långtord", 60)
	v := &p.Versions[0]
	v.Content.Situation = long
	v.Content.Actions[0].What = long
	v.Content.Actions[0].Unit = long
	v.Meeting.Participants[0].Name = "Maja " + long
	v.Content.Actions[1].What = strings.Repeat("Mycket lång beskrivning av insatsen. ", 400)
	w("odd", model.BuildDocument(p, v, model.Swedish), one(model.Swedish))
}
