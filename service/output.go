package service

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/printout"
	"github.com/sipmote/sipmote/printout/fhir"
	"github.com/sipmote/sipmote/store"
)

// PrintOptions say how a plan is printed.
type PrintOptions struct {
	// Lang is the language on paper.
	Lang model.Lang
	// Printer is the CUPS printer; empty means the default one.
	Printer string
	// Papers says which papers a finalised version is printed on; nil
	// means the original and a copy for each one on the copy list. A
	// draft is always one paper marked as a draft.
	Papers *Papers
	// Copies, above zero, prints that many unnamed copies after the
	// original instead (sipmote print --copies N).
	Copies int
	// File, when set without Printer, writes the PDF there and never to a
	// printer. The file is made new and private (outfile.Write); an
	// existing one is replaced only with Force. The result names it with
	// its full path.
	File  string
	Force bool
	// EasyRead, when given, is the easy-read page printed first.
	EasyRead *model.EasyRead
}

// Printer is the printer a print without --printer goes to: the system's
// default, "" when there is none (then the PDF is saved). It asks CUPS, so
// a screen calls it from a tea.Cmd, to name the printer before printing.
func (s *Service) Printer() string { return printout.DefaultPrinter() }

// Print renders version v of plan p as a PDF and sends it to the printer,
// or writes it to a file when there is none, then records the print in
// p's trail. The trail names p whatever screen is in front by the time
// the printer answers: Print may take seconds and is always run from a
// tea.Cmd.
func (s *Service) Print(ctx context.Context, p *model.Plan, v *model.Version, o PrintOptions) (printout.Result, error) {
	doc, notice := model.BuildPrintable(p, v, o.Lang)
	opt, err := PDFOptions(p, v, o)
	if notice {
		// Withdrawn consent: one closure notice, never an original and
		// copies, and no easy-read page of the plan.
		opt, err = printout.PDFOptions{Marks: []string{""}}, nil
	}
	if err != nil {
		return printout.Result{}, err
	}
	pdf, err := printout.PDF(doc, opt)
	if err != nil {
		return printout.Result{}, err
	}
	var res printout.Result
	if o.File != "" && o.Printer == "" {
		// An explicit file: written there, never to a printer. The print
		// is confidential: a new file readable by its owner only. It is
		// recorded once the file is known to be writable.
		if err := s.recordedWrite(p.ID, store.TrailPrinted, v.Meeting.Secretary, pdf, nil, o.File, o.Force); err != nil {
			return printout.Result{}, err
		}
		res = printout.Result{Path: o.File}
		if abs, err := filepath.Abs(o.File); err == nil {
			res.Path = abs
		}
		return res, nil
	}
	// Recorded before the paper exists: a print the trail cannot take is
	// not made.
	if err := s.record(p.ID, store.TrailPrinted, "", v.Meeting.Secretary); err != nil {
		return printout.Result{}, err
	}
	if res, err = s.o.Device(pdf, o.Printer, printout.DefaultFileName(p, v)); err != nil {
		return printout.Result{}, err
	}
	return res, nil
}

// Papers are the papers of one print: the originals or not, and a paper
// named for each recipient given (a copy, or a guardian's original asked
// for by name).
type Papers struct {
	Original bool
	Copies   []model.Recipient
}

// PDFOptions gives the papers of a print. A draft gets one paper marked as
// a draft: it must never pass for the signed original. A finalised version
// gets the originals, named for their recipients (for a child one for
// each guardian), and a copy named for each one on the copy list, unless
// o says otherwise; the easy-read page goes where the recipient's paper
// has it (model.Recipient.EasyRead). It fails with
// printout.ErrNoPDF when o asks for no paper at all.
func PDFOptions(p *model.Plan, v *model.Version, o PrintOptions) (printout.PDFOptions, error) {
	l := o.Lang
	if v.FinalisedAt == nil {
		return printout.PDFOptions{Marks: []string{model.T(l, "UTKAST – inte fastställd", "DRAFT – not finalised")}, EasyRead: o.EasyRead}, nil
	}
	if p.Status == model.StatusClosed {
		return closedPapers(p, v, o)
	}
	if o.Copies > 0 {
		return printout.PDFOptions{Copies: o.Copies, EasyRead: o.EasyRead}, nil
	}
	cl := p.Copies(v, l)
	papers := Papers{Original: true, Copies: cl.Copies}
	if o.Papers != nil {
		papers = *o.Papers
	}
	var rs []model.Recipient
	if papers.Original {
		rs = append(rs, cl.Originals...)
	}
	rs = append(rs, papers.Copies...)
	if len(rs) == 0 {
		return printout.PDFOptions{}, printout.ErrNoPDF
	}
	return printout.PDFOptions{Papers: printout.CopyPapers(l, rs, o.EasyRead)}, nil
}

// closedPapers are the papers of a closed plan: copies of what was agreed,
// each marked as closed on every page, never new originals to sign (its
// document has no signature lines, model.BuildDocument). By default one
// copy; the original asked for is that one copy; each named copy asked
// for is a copy for that name; --copies N is N copies.
func closedPapers(p *model.Plan, v *model.Version, o PrintOptions) (printout.PDFOptions, error) {
	l := o.Lang
	mark := model.T(l, "AVSLUTAD – kopia, skrivs inte under", "CLOSED – copy, not to be signed")
	if o.Copies > 0 {
		marks := make([]string, o.Copies)
		for i := range marks {
			marks[i] = mark
		}
		return printout.PDFOptions{Marks: marks}, nil
	}
	papers := Papers{Original: true}
	if o.Papers != nil {
		papers = *o.Papers
	}
	var out []printout.Paper
	if papers.Original {
		out = append(out, printout.Paper{Mark: mark})
	}
	// A named copy keeps the easy-read page its recipient's paper has
	// (the person's, written to a child who took part).
	named := printout.CopyPapers(l, papers.Copies, o.EasyRead)
	for i, r := range papers.Copies {
		named[i].Mark = model.T(l, "AVSLUTAD – kopia till ", "CLOSED – copy for ") + r.Label()
	}
	out = append(out, named...)
	if len(out) == 0 {
		return printout.PDFOptions{}, printout.ErrNoPDF
	}
	return printout.PDFOptions{Papers: out}, nil
}

// FileError is a file that could not be written; Err is outfile's
// reason (errors.Is finds outfile.ErrExists and the like). Its message
// names the path the user gave, nothing else.
type FileError struct {
	Path string
	Err  error
}

func (e *FileError) Error() string { return "could not write the file " + e.Path }
func (e *FileError) Unwrap() error { return e.Err }

// Format is an export format.
type Format string

// The export formats.
const (
	FormatJSON     Format = "json" // the whole plan, for import elsewhere
	FormatMarkdown Format = "md"   // the document, personnummer masked
	FormatText     Format = "txt"  // an e-mail body, personnummer masked
	FormatICS      Format = "ics"  // a calendar invitation to the follow-up
	// FormatEasyRead is the easy-read page alone, as Markdown, with no
	// personnummer on it; ExportOptions.EasyRead holds it.
	FormatEasyRead Format = "easyread"
	// FormatFHIR is the version as an HL7 FHIR R4 Bundle, for a record
	// system; only the closure once consent is withdrawn (fhir.Withheld).
	FormatFHIR Format = "fhir"
)

// ErrNoEasyRead is an easy-read export without an easy-read page.
var ErrNoEasyRead = errors.New("service: no easy-read page to export")

// ErrUnknownFormat is an export format that does not exist.
var ErrUnknownFormat = errors.New("service: unknown export format")

// ErrNoFollowUpDate says a calendar invitation was asked of a plan with
// no booked follow-up.
var ErrNoFollowUpDate = errors.New("service: the plan has no booked follow-up")

// ErrWithheld says the plan's consent was withdrawn, so that the format
// asked, which carries the plan's content, may not leave.
var ErrWithheld = errors.New("service: consent withdrawn; the plan's content is not exported")

// ErrSealWithheld is ErrWithheld for a plan asked to be sealed for
// hand-over: errors.Is finds ErrWithheld in it, and its text says that
// nothing was sealed.
var ErrSealWithheld = fmt.Errorf("%w: not sealed", ErrWithheld)

// wholeRecordWithheld is the one rule for the whole record once the
// person has withdrawn the consent: it does not leave the program, neither
// as the JSON export nor sealed for hand-over, which carries that export.
// What may still leave is that the plan has ended (BuildPrintable's
// closure notice, fhir.Withheld).
func wholeRecordWithheld(p *model.Plan) bool { return p.ContentHidden() }

// ErrClosedNoMeeting says a calendar invitation was asked of a closed
// plan: it has no meeting to come.
var ErrClosedNoMeeting = errors.New("service: the plan is closed; no meeting to invite to")

// ExportOptions say how a plan is exported.
type ExportOptions struct {
	Format Format
	Lang   model.Lang
	// WithPlace puts the meeting's place in a calendar invitation; left
	// out by default, since a clinic's name beside initials says too much
	// in a calendar that syncs elsewhere.
	WithPlace bool
	// EasyRead is the page FormatEasyRead writes.
	EasyRead *model.EasyRead
	// File, when set, is where the export goes instead of w: a new file
	// readable by its owner only (outfile.WriteFrom); an existing one is
	// replaced only with Force. A file that cannot be written fails as a
	// *FileError and is no export in the trail.
	File  string
	Force bool
}

// Export writes version v of plan p to w (or o.File), in one Write call,
// and records the export in p's trail before anything is written, once
// the file is known writable (recordedWrite).
func (s *Service) Export(ctx context.Context, w io.Writer, p *model.Plan, v *model.Version, o ExportOptions) error {
	var out []byte
	var err error
	l := o.Lang
	switch o.Format {
	case FormatJSON:
		if wholeRecordWithheld(p) {
			// The whole record is what the consent no longer covers;
			// md, txt and fhir still say that the plan has ended.
			return ErrWithheld
		}
		out, err = model.EncodeExport(p)
		out = append(out, '\n')
	case FormatMarkdown:
		d, _ := model.BuildPrintable(p, v, l)
		out = []byte(printout.Markdown(d.Masked()))
	case FormatText:
		d, _ := model.BuildPrintable(p, v, l)
		out = []byte(printout.Text(d.Masked()))
	case FormatEasyRead:
		if o.EasyRead == nil || (p.ContentHidden() && !o.EasyRead.Ended) {
			return ErrNoEasyRead
		}
		out = []byte(printout.EasyReadMarkdown(*o.EasyRead))
	case FormatFHIR:
		out, err = fhir.Export(p, v, fhir.Options{Lang: l, Now: s.o.Now()})
	case FormatICS:
		if p.Status == model.StatusClosed {
			return ErrClosedNoMeeting
		}
		ics := printout.ICS
		if o.WithPlace {
			ics = printout.ICSWithPlace
		}
		if out, err = ics(p, v, l); err != nil {
			return fmt.Errorf("%w: %w", ErrNoFollowUpDate, err)
		}
	default:
		return ErrUnknownFormat
	}
	if err != nil {
		return err
	}
	return s.recordedWrite(p.ID, store.TrailExported, "", out, w, o.File, o.Force)
}

// PrintedText says where a print went, in the user's language, with the
// whole path, for the command line: to which printer, or that none was
// chosen (no default printer and none named), or that the default one
// refused it, and where the PDF was saved instead.
func PrintedText(l model.Lang, r printout.Result) string {
	switch {
	case r.Printed:
		return model.T(l, "Skickad till skrivaren "+r.Printer+".", "Sent to the printer "+r.Printer+".")
	case r.Refused != "":
		return model.T(l, "Skrivaren "+r.Printer+" tog inte emot utskriften ("+r.Refused+"). PDF sparad: "+r.Path,
			"The printer "+r.Printer+" did not take the print ("+r.Refused+"). PDF saved: "+r.Path)
	}
	return model.T(l, "Ingen skrivare är vald (datorn har ingen standardskrivare; ange en med --printer). PDF sparad: "+r.Path,
		"No printer is chosen (the computer has no default printer; name one with --printer). PDF saved: "+r.Path)
}

// PrintedLine says where a print went on a screen's status line, which is
// cut at the window's edge: the file's name comes first and its folder
// after it, with ~ for the home folder, so that an 80-column line still
// tells the user which file to look for.
func PrintedLine(l model.Lang, r printout.Result) string {
	if r.Printed {
		return PrintedText(l, r)
	}
	dir, name := filepath.Split(r.Path)
	dir = shortHome(filepath.Clean(dir))
	if r.Refused != "" {
		return model.T(l, "Skrivaren "+r.Printer+" vägrade: PDF sparad som "+name+" i "+dir,
			"The printer "+r.Printer+" refused: PDF saved as "+name+" in "+dir)
	}
	return model.T(l, "PDF sparad (ingen skrivare): "+name+" i "+dir,
		"PDF saved (no printer): "+name+" in "+dir)
}

// shortHome writes a folder under the home folder with ~, as a user reads it.
func shortHome(dir string) string {
	if home, err := os.UserHomeDir(); err == nil && home != "" {
		if rel, err := filepath.Rel(home, dir); err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator)) {
			return filepath.Join("~", rel)
		}
	}
	return dir
}

// SaveFolder names the folder a PDF is saved in when no printer takes it,
// with ~ for the home folder, or "" when there is none. It makes nothing.
func SaveFolder() string {
	dir, err := printout.SaveDirPath()
	if err != nil {
		return ""
	}
	return shortHome(dir)
}
