// A static site: no server at run time, so any static host can serve `out/`.
/** @type {import('next').NextConfig} */
const nextConfig = {
  output: 'export',
  images: { unoptimized: true },
  trailingSlash: false,
  devIndicators: false,
};

export default nextConfig;
