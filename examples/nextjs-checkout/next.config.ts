import type { NextConfig } from 'next';

const nextConfig: NextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  // This folder is its own project (its own lockfile), inside the yuno-react repository.
  turbopack: { root: import.meta.dirname },
};

export default nextConfig;
