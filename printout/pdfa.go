package printout

import (
	"bytes"
	"crypto/md5"
	_ "embed"
	"encoding/hex"
	"fmt"
	"html"
	"regexp"
	"strconv"
	"time"

	"codeberg.org/go-pdf/fpdf"
)

// The print aims at PDF/A-2b, the form Swedish public bodies archive: the
// signed SIP is an archival record. That asks for every font embedded
// (they are), an sRGB output intent, XMP metadata that says which PDF/A it
// claims and agrees with the document information, and a document /ID.
// Whether the result conforms has not been checked with a validator: see
// the note of issue 15.

// srgbICC is the ICC's sRGB profile (icc/README.md says where from and
// under which licence).
//
//go:embed icc/sRGB2014.icc
var srgbICC []byte

// archival adds the output intent and the XMP metadata to a PDF being
// made. title, creator and producer must be the values given to SetTitle,
// SetCreator and SetProducer, and at the time of SetCreationDate and
// SetModificationDate, since PDF/A wants the XMP and the document
// information to say the same.
func archival(pdf *fpdf.Fpdf, title, creator, producer, lang string, at time.Time) {
	pdf.AddOutputIntent(fpdf.OutputIntentType{
		SubtypeIdent:              fpdf.OutputIntent_GTS_PDFA1, // /GTS_PDFA1 is the key for every part of PDF/A
		OutputConditionIdentifier: "sRGB IEC61966-2.1",
		Info:                      "sRGB IEC61966-2.1",
		ICCProfile:                srgbICC,
	})
	pdf.SetXmpMetadata(xmp(title, creator, producer, lang, at))
}

// xmp is the metadata packet. The dates carry no time zone, as the
// document information's do (fpdf writes them so).
func xmp(title, creator, producer, lang string, at time.Time) []byte {
	esc := html.EscapeString
	date := at.Format("2006-01-02T15:04:05")
	return []byte(`<?xpacket begin="` + "\ufeff" + `" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
<pdfaid:part>2</pdfaid:part>
<pdfaid:conformance>B</pdfaid:conformance>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:format>application/pdf</dc:format>
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">` + esc(title) + `</rdf:li></rdf:Alt></dc:title>
<dc:language><rdf:Bag><rdf:li>` + esc(lang) + `</rdf:li></rdf:Bag></dc:language>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
<xmp:CreatorTool>` + esc(creator) + `</xmp:CreatorTool>
<xmp:CreateDate>` + date + `</xmp:CreateDate>
<xmp:ModifyDate>` + date + `</xmp:ModifyDate>
<xmp:MetadataDate>` + date + `</xmp:MetadataDate>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
<pdf:Producer>` + esc(producer) + `</pdf:Producer>
</rdf:Description>
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`)
}

var (
	trailerInfo = regexp.MustCompile(`\ntrailer\n<<\n/Size (\d+)\n/Root (\d+) 0 R\n/Info (\d+) 0 R\n`)
	xrefHead    = regexp.MustCompile(`^xref\n0 (\d+)\n`)
)

// fixTrailer mends two things fpdf v0.12.0 gets wrong in the trailer, in
// place: with an output intent its /Info points at the colour profile, so
// the document information (title, dates) is lost to every reader; and it
// writes no /ID, which PDF/A requires. The trailer follows the cross-
// reference table, so changing it moves no object.
//
// The document information is the object just before the profiles, which
// come just before the catalogue (/Root): fpdf writes them in that order.
// The change is made only when that object is what it should be; the
// /ID is two copies of the MD5 of the file, as the PDF reference suggests.
func fixTrailer(pdf []byte, profiles int) ([]byte, error) {
	m := trailerInfo.FindSubmatchIndex(pdf)
	if m == nil || bytes.Contains(pdf[m[0]:], []byte("/ID")) {
		return nil, fmt.Errorf("%w: the trailer is not as fpdf v0.12.0 writes it", ErrPDF)
	}
	root, _ := strconv.Atoi(string(pdf[m[4]:m[5]]))
	info := root - 1 - profiles
	body, ok := object(pdf, info)
	if !ok || !bytes.Contains(body, []byte("/CreationDate")) || !bytes.Contains(body, []byte("/Producer")) {
		return nil, fmt.Errorf("%w: no document information object before the catalogue", ErrPDF)
	}
	sum := md5.Sum(pdf)
	id := hex.EncodeToString(sum[:])
	var out bytes.Buffer
	out.Grow(len(pdf) + 80)
	out.Write(pdf[:m[6]])
	out.WriteString(strconv.Itoa(info))
	out.Write(pdf[m[7]:m[1]])
	out.WriteString("/ID [<" + id + "> <" + id + ">]\n")
	out.Write(pdf[m[1]:])
	return out.Bytes(), nil
}

// object returns the text of object n up to its endobj, found through
// the cross-reference table (fpdf writes one section, 20 bytes an entry).
func object(pdf []byte, n int) ([]byte, bool) {
	sx := bytes.LastIndex(pdf, []byte("startxref\n"))
	if sx < 0 {
		return nil, false
	}
	rest := pdf[sx+len("startxref\n"):]
	end := bytes.IndexByte(rest, '\n')
	if end < 0 {
		return nil, false
	}
	xref, err := strconv.Atoi(string(rest[:end]))
	if err != nil || xref < 0 || xref >= len(pdf) {
		return nil, false
	}
	head := xrefHead.FindSubmatch(pdf[xref:])
	if head == nil {
		return nil, false
	}
	count, _ := strconv.Atoi(string(head[1]))
	at := xref + len(head[0]) + 20*n
	if n <= 0 || n >= count || at+20 > len(pdf) {
		return nil, false
	}
	off, err := strconv.Atoi(string(pdf[at : at+10]))
	if err != nil || off <= 0 || off >= len(pdf) {
		return nil, false
	}
	obj := pdf[off:]
	if !bytes.HasPrefix(obj, []byte(strconv.Itoa(n)+" 0 obj")) {
		return nil, false
	}
	stop := bytes.Index(obj, []byte("endobj"))
	if stop < 0 {
		return nil, false
	}
	return obj[:stop], true
}
