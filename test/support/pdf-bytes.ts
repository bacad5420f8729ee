/**
 * @module
 * Writes small PDFs by hand (PDF 1.4 syntax, the standard 14 fonts, a correct cross-reference
 * table), so reader tests know every position, size and font of the text they read.
 */

/** A run of text drawn at a point: `x` from the left edge, `y` the baseline from the bottom edge (PDF space), in points. */
export type PdfText = {
  text: string
  x: number
  y: number
  size: number
  bold?: boolean
  /** Drawn turned a quarter anticlockwise (so it reads upright on a page shown turned a quarter clockwise). */
  turned?: boolean
}

/** One page: its text runs (in drawing order) and whether it also paints an image. */
export type PdfPageSpec = {
  texts: PdfText[]
  image?: boolean
  /** `/Rotate`: degrees clockwise the page is shown turned. */
  rotate?: number
  /** `/CropBox` `[left, bottom, right, top]`: the part of the page shown. */
  cropBox?: [number, number, number, number]
}

/** What to write: pages, page size (A4 by default), the information dictionary, encryption. */
export type PdfSpec = {
  pages: PdfPageSpec[]
  width?: number
  height?: number
  title?: string
  author?: string
  /** Adds a Standard security handler whose user password is not empty: opening needs a password. */
  encrypted?: boolean
}

const escape = (text: string): string => text.replace(/[\\()]/g, (c) => `\\${c}`)

/** The bytes of a PDF as {@link PdfSpec} describes it (text is Latin-1, WinAnsi encoded). */
export function pdfBytes(spec: PdfSpec): Uint8Array {
  const width = spec.width ?? 595.92
  const height = spec.height ?? 842.88
  const objects: string[] = []
  const add = (body: string): number => objects.push(body)
  const catalog = add('')
  const pagesId = add('')
  const regular = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>')
  const bold = add('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica-Bold /Encoding /WinAnsiEncoding >>')
  const image = add('<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length 4 >>\nstream\n\u0000\u00ff\u00ff\u0000\nendstream')
  const pageIds: number[] = []
  for (const page of spec.pages) {
    const drawing = [
      ...(page.image ? [`q ${width - 144} 0 0 ${height - 144} 72 72 cm /Im1 Do Q`] : []),
      ...page.texts.map((run) =>
        run.turned
          ? `BT /${run.bold ? 'F2' : 'F1'} ${run.size} Tf 0 1 -1 0 ${run.x} ${run.y} Tm (${escape(run.text)}) Tj ET`
          : `BT /${run.bold ? 'F2' : 'F1'} ${run.size} Tf ${run.x} ${run.y} Td (${escape(run.text)}) Tj ET`
      ),
    ].join('\n')
    const content = add(`<< /Length ${drawing.length} >>\nstream\n${drawing}\nendstream`)
    pageIds.push(
      add(`<< /Type /Page /Parent ${pagesId} 0 R /MediaBox [0 0 ${width} ${height}]${page.cropBox ? ` /CropBox [${page.cropBox.join(' ')}]` : ''}${page.rotate ? ` /Rotate ${page.rotate}` : ''} /Contents ${content} 0 R /Resources << /Font << /F1 ${regular} 0 R /F2 ${bold} 0 R >> /XObject << /Im1 ${image} 0 R >> >> >>`)
    )
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesId} 0 R >>`
  objects[pagesId - 1] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pageIds.length} >>`
  const info = add(`<< ${spec.title ? `/Title (${escape(spec.title)}) ` : ''}${spec.author ? `/Author (${escape(spec.author)}) ` : ''}/Producer (hand) >>`)
  const encrypt = spec.encrypted
    ? add(`<< /Filter /Standard /V 1 /R 2 /O <${'7a'.repeat(32)}> /U <${'3c'.repeat(32)}> /P -44 >>`)
    : undefined

  let out = '%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n'
  const offsets: number[] = []
  objects.forEach((body, i) => {
    offsets.push(out.length)
    out += `${i + 1} 0 obj\n${body}\nendobj\n`
  })
  const xref = out.length
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')}`
  const id = `<${'0123456789abcdef'.repeat(2)}>`
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R /Info ${info} 0 R${encrypt ? ` /Encrypt ${encrypt} 0 R /ID [${id} ${id}]` : ''} >>\nstartxref\n${xref}\n%%EOF\n`
  return Uint8Array.from(out, (c) => c.charCodeAt(0))
}
