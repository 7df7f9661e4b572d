import { backendHref } from "../lib/sdk"

type Props = { number: string; pdf: string | null; cii?: string | null; ubl?: string | null }

const linkClass = "txt-small text-ui-fg-interactive hover:underline"

/** A document's downloads as plain links: the dashboard's session cookie authorises them. */
export const DocumentLinks = ({ number, pdf, cii, ubl }: Props) => {
  const links = [
    { label: "PDF", href: pdf },
    { label: "CII XML", href: cii ?? null },
    { label: "UBL XML", href: ubl ?? null },
  ].filter((link): link is { label: string; href: string } => !!link.href)
  if (!links.length) return null
  return (
    <div className="flex flex-wrap items-center gap-x-3">
      {links.map((link) => (
        <a key={link.label} href={backendHref(link.href)} target="_blank" rel="noreferrer" className={linkClass} aria-label={`${number} ${link.label}`}>
          {link.label}
        </a>
      ))}
    </div>
  )
}
