import { type RefObject, useEffect, useState } from 'react';

export interface Size {
  width: number;
  height: number;
}

/**
 * The size of an element, rounded to `step` pixels so a layout that depends on it is not redone
 * for every pixel of a window drag. Undefined until first measured.
 */
export function useSize(ref: RefObject<HTMLElement | null>, step = 40): Size | undefined {
  const [size, setSize] = useState<Size>();
  useEffect(() => {
    const element = ref.current;
    if (!element) return;
    const measure = () => {
      const width = Math.max(step, Math.round(element.clientWidth / step) * step);
      const height = Math.max(step, Math.round(element.clientHeight / step) * step);
      setSize((last) => (last?.width === width && last.height === height ? last : { width, height }));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(element);
    return () => observer.disconnect();
  }, [ref, step]);
  return size;
}
