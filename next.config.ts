import type { NextConfig } from 'next';

// A static site: no server at run time, so any static host can serve `out/`.
const nextConfig: NextConfig = {
  output: 'export',
  images: { unoptimized: true },
  trailingSlash: false,
  devIndicators: false,
};

export default nextConfig;
