package printout

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sipmote/sipmote/model"
)

// TestPDFArchival checks what can be checked of PDF/A-2b without a PDF/A
// validator: qpdf finds the file sound, every font is embedded, the
// document information survives the output intent (fpdf v0.12.0 loses
// it), the trailer has an /ID, and the XMP claims PDF/A-2B with the same
// title as the document information.
func TestPDFArchival(t *testing.T) {
	qpdf := needTool(t, "qpdf")
	pdffonts := needTool(t, "pdffonts")
	pdfinfo := needTool(t, "pdfinfo")
	for _, l := range []model.Lang{model.Swedish, model.English} {
		t.Run(string(l), func(t *testing.T) {
			p := samplePlan()
			v := &p.Versions[0]
			e := model.BuildEasyRead(p, v, easyWords(t, string(l)), time.Time{})
			d := model.BuildDocument(p, v, l)
			pdf, err := PDF(d, PDFOptions{Copies: 1, EasyRead: &e})
			if err != nil {
				t.Fatal(err)
			}
			path := filepath.Join(t.TempDir(), "plan.pdf")
			if err := os.WriteFile(path, pdf, 0o600); err != nil {
				t.Fatal(err)
			}
			run := func(tool string, args ...string) string {
				out, err := exec.Command(tool, append(args, path)...).CombinedOutput()
				if err != nil {
					t.Fatalf("%s %v: %v\n%s", filepath.Base(tool), args, err, out)
				}
				return string(out)
			}
			if out := run(qpdf, "--check"); !strings.Contains(out, "No syntax or stream encoding errors found") ||
				strings.Contains(strings.ToLower(out), "warning") {
				t.Errorf("qpdf --check:\n%s", out)
			}
			fonts := strings.Split(strings.TrimSpace(run(pdffonts)), "\n")
			if len(fonts) < 3 {
				t.Fatalf("pdffonts lists no fonts:\n%s", strings.Join(fonts, "\n"))
			}
			for _, row := range fonts[2:] {
				if f := strings.Fields(row); len(f) < 7 || f[len(f)-5] != "yes" {
					t.Errorf("a font is not embedded: %s", row)
				}
			}
			info := run(pdfinfo)
			for _, w := range []string{"Title:           " + d.Title, "Producer:        sipmote", "Creator:         sipmote",
				"CreationDate:", "ModDate:", "Metadata Stream: yes"} {
				if !strings.Contains(info, w) {
					t.Errorf("pdfinfo lacks %q:\n%s", w, info)
				}
			}
			// qpdf shows a string in hex or as a literal, by what its
			// bytes look like: an MD5 can come out either way.
			if out := run(qpdf, "--show-object=trailer"); !strings.Contains(out, "/ID [ <") && !strings.Contains(out, "/ID [ (") {
				t.Errorf("the trailer has no /ID: %s", out)
			}
			meta := run(pdfinfo, "-meta")
			for _, w := range []string{"<pdfaid:part>2</pdfaid:part>", "<pdfaid:conformance>B</pdfaid:conformance>",
				`<rdf:li xml:lang="x-default">` + d.Title + "</rdf:li>", "<pdf:Producer>sipmote</pdf:Producer>"} {
				if !strings.Contains(meta, w) {
					t.Errorf("the XMP lacks %q", w)
				}
			}
			if !bytes.Contains(pdf, []byte("/OutputIntents")) || !bytes.Contains(pdf, []byte("/GTS_PDFA1")) {
				t.Error("no output intent")
			}
		})
	}
}

// TestFixTrailer: the mend points /Info at the document information and
// adds an /ID, changes nothing before the trailer, and refuses a file it
// does not recognise rather than guess.
func TestFixTrailer(t *testing.T) {
	p := samplePlan()
	good, err := PDF(model.BuildDocument(p, &p.Versions[0], model.Swedish), one())
	if err != nil {
		t.Fatal(err)
	}
	cut := bytes.LastIndex(good, []byte("\ntrailer\n"))
	// What fpdf wrote: the same file with the trailer as it came.
	raw := append([]byte{}, good[:cut]...)
	m := trailerInfo.FindSubmatch(good)
	raw = append(raw, []byte("\ntrailer\n<<\n/Size "+string(m[1])+"\n/Root "+string(m[2])+" 0 R\n/Info 9999 0 R\n>>\n")...)
	raw = append(raw, good[bytes.Index(good[cut:], []byte("startxref"))+cut:]...)
	fixed, err := fixTrailer(raw, 1)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(fixed[:cut], raw[:cut]) {
		t.Error("the mend changed the file before the trailer")
	}
	if bytes.Contains(fixed, []byte("/Info 9999 0 R")) || !bytes.Contains(fixed, []byte("/ID [<")) {
		t.Errorf("trailer not mended:\n%s", fixed[cut:])
	}
	if _, err := fixTrailer(fixed, 1); err == nil {
		t.Error("a trailer that has an /ID already was mended again")
	}
	if _, err := fixTrailer(raw, 3); err == nil {
		t.Error("an object that is not the document information was taken for it")
	}
	if _, err := fixTrailer([]byte("%PDF-1.4\n"), 1); err == nil {
		t.Error("a file without a trailer was accepted")
	}
}
