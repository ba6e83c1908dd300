import type { BlockType } from '@rolecall/workflows/graph';
import type { DragEvent } from 'react';
import { lookOf } from './nodes/block-looks';

/** The drag-and-drop payload type of a palette block. */
const BLOCK_MIME = 'application/x-rolecall-block';

export function startBlockDrag(event: DragEvent, type: BlockType): void {
  event.dataTransfer.setData(BLOCK_MIME, type);
  event.dataTransfer.effectAllowed = 'move';
}

/** The block type a drop carries, or undefined for anything else dropped on the canvas. */
export function droppedBlock(event: DragEvent): BlockType | undefined {
  const type = event.dataTransfer.getData(BLOCK_MIME);
  return lookOf(type)?.type;
}

export const acceptsBlockDrag = (event: DragEvent) => event.dataTransfer.types.includes(BLOCK_MIME);
