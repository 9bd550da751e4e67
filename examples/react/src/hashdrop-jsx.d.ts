// JSX typings for every <hashdrop-*> element, generated from custom-elements.json.
import type {} from 'hashdrop/react';
