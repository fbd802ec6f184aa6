/**
 * A list row's picture at a fixed small size, so rows keep one height while pictures load; a row without
 * one says so in a neutral box instead of a broken image or a made-up placeholder.
 */
export function ListThumbnail({ url, alt }: { url: string | null; alt: string }) {
  const src = url && /^https?:\/\//i.test(url) ? url.replace(/^http:\/\//i, "https://") : null;
  if (!src)
    return (
      <div className="grid h-10 w-10 place-items-center rounded border border-slate-200 bg-slate-50 text-center text-[10px] leading-tight text-slate-400">
        No image
      </div>
    );
  return (
    // A plain <img>: next/image would route every thumbnail through our server's optimizer and need each of
    // Amazon's image hosts configured, for pictures Amazon already serves small. The page's CSP allows https
    // images only, and Amazon's hosts serve the same path over https, hence the upgrade above; no referrer,
    // so Amazon's CDN learns nothing of our pages.
    // eslint-disable-next-line @next/next/no-img-element
    <img
      src={src}
      alt={alt}
      width={40}
      height={40}
      loading="lazy"
      decoding="async"
      referrerPolicy="no-referrer"
      className="h-10 w-10 rounded border border-slate-200 bg-white object-contain"
    />
  );
}
