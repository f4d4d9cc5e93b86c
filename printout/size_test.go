package printout

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/sipmote/sipmote/model"
)

// MaxOriginal is the most a printed original may weigh: the national
// patient overview (NPÖ) keeps a SIP as a signed document of at most
// 100 kB per part, so a plan that grows past it could not be filed there.
const MaxOriginal = 100_000

// TestOriginalSize prints the original of each sample plan, with the
// easy-read page, as the person takes it home, and checks that it stays
// within MaxOriginal and that its trailer points at the document
// information and carries an /ID: the two things a signature and an
// archive read first. The sizes are reported in the test's log.
func TestOriginalSize(t *testing.T) {
	pdfinfo := needTool(t, "pdfinfo")
	now := time.Date(2026, 12, 7, 10, 0, 0, 0, time.UTC)
	plans := append([]*model.Plan{samplePlan()}, model.DemoPlans(now)...)
	for i, p := range plans {
		for _, l := range []model.Lang{model.Swedish, model.English} {
			name := fmt.Sprintf("%d-%s/%s", i, strings.ReplaceAll(model.Initials(p.Person.Name), ".", ""), l)
			t.Run(name, func(t *testing.T) {
				v := p.Current()
				if lv := p.Latest(); lv != nil {
					v = lv
				}
				e := model.BuildEasyRead(p, v, easyWords(t, string(l)), time.Time{})
				d := model.BuildDocument(p, v, l)
				orig := p.Copies(v, l).Originals[:1]
				pdf, err := PDF(d, PDFOptions{Papers: CopyPapers(l, orig, &e)})
				if err != nil {
					t.Fatal(err)
				}
				t.Logf("%s: the original is %d bytes (%.1f kB of %d kB allowed)", name, len(pdf), float64(len(pdf))/1000, MaxOriginal/1000)
				if len(pdf) > MaxOriginal {
					t.Errorf("the original is %d bytes, over the %d allowed", len(pdf), MaxOriginal)
				}
				if err := checkTrailer(pdf); err != nil {
					t.Error(err)
				}
				// The check can fail: without the /ID, or with /Info at
				// another object, the same file is refused.
				if checkTrailer(bytes.Replace(pdf, []byte("/ID ["), []byte("/XX ["), 1)) == nil {
					t.Error("a trailer without /ID passed the check")
				}
				if bad := trailerInfoRef.ReplaceAll(pdf, []byte("/Info 1 0 R")); checkTrailer(bad) == nil {
					t.Error("a trailer whose /Info points at a page passed the check")
				}
				path := filepath.Join(t.TempDir(), "original.pdf")
				if err := os.WriteFile(path, pdf, 0o600); err != nil {
					t.Fatal(err)
				}
				out, err := exec.Command(pdfinfo, path).CombinedOutput()
				if err != nil {
					t.Fatalf("pdfinfo: %v\n%s", err, out)
				}
				if !strings.Contains(string(out), "Title:           "+d.Title) {
					t.Errorf("pdfinfo does not read the title through /Info:\n%s", out)
				}
			})
		}
	}
}

var (
	trailerInfoRef = regexp.MustCompile(`/Info (\d+) 0 R`)
	trailerID      = regexp.MustCompile(`/ID \[<[0-9a-fA-F]{32}> ?<[0-9a-fA-F]{32}>\]`)
)

// checkTrailer reads the last trailer: /Info names an object that is the
// document information (with the title and the producer), and /ID is two
// 16-byte strings.
func checkTrailer(pdf []byte) error {
	i := bytes.LastIndex(pdf, []byte("trailer"))
	if i < 0 {
		return errors.New("no trailer")
	}
	tr := pdf[i:]
	if !trailerID.Match(tr) {
		return fmt.Errorf("the trailer has no /ID of two 16-byte strings: %q", tr)
	}
	m := trailerInfoRef.FindSubmatch(tr)
	if m == nil {
		return fmt.Errorf("the trailer has no /Info: %q", tr)
	}
	n, _ := strconv.Atoi(string(m[1]))
	// Found through the cross-reference table, as a reader finds it.
	body, ok := object(pdf, n)
	if !ok {
		return fmt.Errorf("/Info points at object %d, which the cross-reference table does not find", n)
	}
	if !bytes.Contains(body, []byte("/Title")) || !bytes.Contains(body, []byte("/Producer")) || !bytes.Contains(body, []byte("/CreationDate")) {
		return fmt.Errorf("/Info points at object %d, which is not the document information", n)
	}
	return nil
}
