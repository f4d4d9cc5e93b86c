package cli

import (
	"bufio"
	"encoding/json"
	"fmt"
	"text/tabwriter"

	"github.com/sipmote/sipmote/model"
	"github.com/sipmote/sipmote/termsafe"
)

func cmdList(a *app, args []string) error {
	fs := a.flags("list")
	asJSON := fs.Bool("json", false, "")
	if _, err := a.parse(fs, "list", args); err != nil {
		return err
	}
	db, err := a.openDB()
	if err != nil {
		return err
	}
	defer db.Close()
	sums, listErr := db.List()
	if listErr != nil && len(sums) == 0 {
		return listErr
	}
	if *asJSON {
		type row struct {
			ID           string `json:"id"`
			Person       string `json:"person"`
			PNR          string `json:"pnr_masked"`
			Status       string `json:"status"`
			Version      int    `json:"version"`
			Draft        bool   `json:"has_draft"`
			NextFollowUp string `json:"next_follow_up"`
			BookBy       string `json:"follow_up_book_by,omitempty"`
		}
		rows := []row{}
		for _, s := range sums {
			r := row{s.ID, s.Person, s.PNRMasked, string(s.Status), s.Version, s.HasDraft, s.NextFollowUp, ""}
			if s.NextFollowUp == "" {
				r.BookBy = s.BookBy()
			}
			rows = append(rows, r)
		}
		enc := json.NewEncoder(a.stdout)
		enc.SetIndent("", "  ")
		if err := enc.Encode(rows); err != nil {
			return err
		}
		// The whole plans are listed; the damaged ones are named after.
		return listErr
	}
	if len(sums) == 0 {
		fmt.Fprintln(a.stdout, model.T(a.lang, "Inga planer ännu. Skapa en med sipmote new --person NAMN, eller prova: "+a.demoCommand(),
			"No plans yet. Create one with sipmote new --person NAME, or try: "+a.demoCommand()))
		return nil
	}
	// One buffered writer under the table: the tabwriter writes every cell
	// and its padding apart, which with 10 000 plans was most of the time
	// in write system calls.
	bw := bufio.NewWriterSize(a.stdout, 64<<10)
	tw := tabwriter.NewWriter(bw, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, model.T(a.lang, "ID\tPERSON\tPERSONNUMMER\tSTATUS\tVERSION\tUPPFÖLJNING", "ID\tPERSON\tPERSONNUMMER\tSTATUS\tVERSION\tFOLLOW-UP"))
	for _, s := range sums {
		fu := s.FollowUpCell(a.lang)
		if fu == "" {
			fu = "—"
		}
		// Cleaned here as well as by the output writer, so that the
		// columns line up.
		name := termsafe.String(s.Person)
		if s.ConsentGone {
			name = model.T(a.lang, "(samtycket återkallat)", "(consent withdrawn)")
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%d\t%s\n", s.ID[:8], name, orDash(s.PNRMasked), s.Status.Label(a.lang), s.Version, fu)
	}
	if err := tw.Flush(); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return listErr
}

func orDash(s string) string {
	if s == "" {
		return "—"
	}
	return s
}
