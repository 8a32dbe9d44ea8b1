import type { IconDefinition } from '@fortawesome/fontawesome-svg-core';
import {
  faCircle,
  faCompass,
  faFlag,
  faGamepad,
  faGraduationCap,
  faPlus,
  faRocket,
  faSeedling,
  faStar,
  faUpload,
  faWandMagicSparkles,
} from '@fortawesome/free-solid-svg-icons';

// The backend names icons (levels, recommended actions) by FontAwesome export
// name. Only these are bundled; the free set has no `faWand`, so it maps to
// the closest free icon.
const ICONS: Record<string, IconDefinition> = {
  faSeedling,
  faCompass,
  faWand: faWandMagicSparkles,
  faWandMagicSparkles,
  faRocket,
  faStar,
  faGraduationCap,
  faGamepad,
  faPlus,
  faUpload,
  faFlag,
};

export function iconByName(name: string): IconDefinition {
  return ICONS[name] ?? faCircle;
}
